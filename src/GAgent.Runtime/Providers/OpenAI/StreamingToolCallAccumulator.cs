using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace GAgent.Providers.OpenAI;

/// <summary>
/// Reassembles streamed tool call fragments, keyed by the index OpenAI gives each parallel call, into complete
/// <see cref="FunctionCallContent"/>s.
/// </summary>
internal sealed class StreamingToolCallAccumulator
{
    // Most turns have no tool calls, so the map is only created when the first fragment arrives.
    private SortedDictionary<int, PendingToolCall>? _calls;

    /// <summary>Whether any fragment is waiting to be emitted.</summary>
    public bool HasPendingCalls => _calls is { Count: > 0 };

    /// <summary>Adds one fragment.</summary>
    public void Add(StreamingChatToolCallUpdate update)
    {
        _calls ??= [];
        if (!_calls.TryGetValue(update.Index, out var call))
        {
            call = new PendingToolCall();
            _calls.Add(update.Index, call);
        }

        if (string.IsNullOrEmpty(call.Id) && !string.IsNullOrEmpty(update.ToolCallId))
        {
            call.Id = update.ToolCallId;
        }

        if (string.IsNullOrEmpty(call.Name) && !string.IsNullOrEmpty(update.FunctionName))
        {
            call.Name = update.FunctionName;
        }

        if (update.FunctionArgumentsUpdate is { } fragment && !fragment.IsEmpty)
        {
            call.Arguments.Append(fragment.ToString());
        }
    }

    /// <summary>Completes every pending call in index order and forgets them.</summary>
    public void DrainInto(IList<AIContent> contents)
    {
        if (_calls is null)
        {
            return;
        }

        foreach (var (index, call) in _calls)
        {
            // Some compatible servers omit the id; the agent loop still needs one to pair the result with the call.
            var id = string.IsNullOrEmpty(call.Id) ? $"call_{index}_{Guid.NewGuid():N}" : call.Id;
            contents.Add(OpenAIJson.CreateFunctionCall(id, call.Name ?? string.Empty, call.Arguments.ToString()));
        }

        _calls.Clear();
    }
}
