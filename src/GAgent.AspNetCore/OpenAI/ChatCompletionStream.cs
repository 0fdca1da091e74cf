using System.Buffers;
using System.Text.Json;
using GAgent.AspNetCore.Http;
using GAgent.AspNetCore.OpenAI.Wire;
using GAgent.AspNetCore.Streaming;
using GAgent.Events;
using GAgent.Runs;

namespace GAgent.AspNetCore.OpenAI;

/// <summary>
/// Projects a run's events onto OpenAI's <c>chat.completion.chunk</c> stream: a role chunk first, content deltas,
/// <c>delta.tool_calls</c> only for client-declared tools (the agent's own tools never leak into the stream), a
/// finish chunk, a usage chunk when asked, then <c>[DONE]</c>; a failure becomes <c>data: {"error":{...}}</c>.
/// </summary>
internal sealed class ChatCompletionStream(IAgentRun run, string completionId, long created, string model, bool includeUsage) : ISseProjection<AgentEvent>, IDisposable
{
    private static readonly byte[] ContentPlaceholder = "\"delta\":{\"content\":\"\""u8.ToArray();
    private readonly PooledJsonWriter _json = new();
    private readonly Dictionary<string, int> _toolIndexes = new(StringComparer.Ordinal);
    private bool _hadText;
    private bool _separatorPending;
    private (byte[] Head, byte[] Tail)? _contentFrame;

    public IAsyncEnumerable<ReadOnlyMemory<AgentEvent>> ReadBatchesAsync(CancellationToken cancellationToken)
        => RunEventSource.ReadBatchesAsync(run, 0, RunEventDelivery.EveryDelta, cancellationToken);

    /// <summary>The role chunk, which OpenAI sends before any content.</summary>
    public void WriteStart(SseEventWriter events) => WriteEvent(events, new ChatChunk(ChatChunkKind.Role));

    public void Write(AgentEvent agentEvent, SseEventWriter events)
    {
        switch (agentEvent)
        {
            case TextMessageStartEvent:
                // Several assistant messages (before and after tool calls) read as one answer, separated by a blank line.
                _separatorPending = _hadText;
                break;
            case TextMessageContentEvent content:
                if (_separatorPending)
                {
                    _separatorPending = false;
                    WriteContent(events, "\n\n");
                }

                _hadText = true;
                WriteContent(events, content.Delta);
                break;
            case ToolCallStartEvent { ClientSide: true } start:
                var index = _toolIndexes.Count;
                _toolIndexes[start.ToolCallId] = index;
                WriteEvent(events, new ChatChunk(ChatChunkKind.ToolCallStart, start, index));
                break;
            case ToolCallArgsEvent args when _toolIndexes.TryGetValue(args.ToolCallId, out var argsIndex):
                WriteEvent(events, new ChatChunk(ChatChunkKind.ToolCallArguments, args, argsIndex));
                break;
            case RunFinishedEvent finished:
                if (ChatCompletionErrors.ApprovalNotice(finished) is { } notice)
                {
                    WriteContent(events, _hadText ? "\n\n" + notice : notice);
                    _hadText = true;
                }

                WriteEvent(events, new ChatChunk(ChatChunkKind.Finish, finished));
                if (includeUsage)
                {
                    WriteEvent(events, new ChatChunk(ChatChunkKind.Usage, finished));
                }

                events.BeginEvent().Write("[DONE]"u8);
                events.EndEvent();
                break;
            case RunErrorEvent error:
                WriteEvent(events, new ChatChunk(ChatChunkKind.Error, error));
                break;
        }
    }

    /// <summary>
    /// The per-token chunk: everything around the text, its SSE framing included, is the same for the whole stream and
    /// is copied, not re-serialized; only the text is written per token (see WriteStringBetween).
    /// </summary>
    private void WriteContent(SseEventWriter events, string text)
    {
        var (head, tail) = _contentFrame ??= BuildContentFrame();
        _json.WriteStringBetween(events.Framed, head, text, tail);
    }

    private void WriteEvent(SseEventWriter events, ChatChunk chunk)
    {
        WriteChunk(_json.Rent(events.BeginEvent()), chunk);
        events.EndEvent();
    }

    /// <summary>Serializes any chunk in full; the content fast path must produce exactly these bytes.</summary>
    internal void WriteChunk(Utf8JsonWriter writer, ChatChunk chunk)
    {
        if (chunk.Kind == ChatChunkKind.Error)
        {
            var error = (RunErrorEvent)chunk.Event!;
            JsonSerializer.Serialize(writer, OpenAIResults.ToEnvelope(ChatCompletionErrors.FromRunError(error)), OpenAIJson.Context.OpenAIErrorResponse);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("id"u8, completionId);
        writer.WriteString("object"u8, "chat.completion.chunk"u8);
        writer.WriteNumber("created"u8, created);
        writer.WriteString("model"u8, model);
        writer.WriteNull("system_fingerprint"u8);
        writer.WriteStartArray("choices"u8);
        if (chunk.Kind != ChatChunkKind.Usage)
        {
            WriteChoice(writer, chunk);
        }

        writer.WriteEndArray();
        if (chunk.Kind == ChatChunkKind.Usage)
        {
            WriteUsage(writer, ((RunFinishedEvent)chunk.Event!).Usage);
        }
        else if (includeUsage)
        {
            // With include_usage, OpenAI sends "usage": null on every chunk but the last.
            writer.WriteNull("usage"u8);
        }

        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>The bytes of a content event before and after its text, cut from a chunk with empty text serialized in full.</summary>
    private (byte[] Head, byte[] Tail) BuildContentFrame()
    {
        var pieces = _json.CutFrame(writer => WriteChunk(writer, new ChatChunk(ChatChunkKind.Content, Text: string.Empty)), ContentPlaceholder);
        return SseEventWriter.FrameAround(eventType: null, pieces[0], pieces[1]);
    }

    public void Dispose() => _json.Dispose();

    private static void WriteChoice(Utf8JsonWriter writer, ChatChunk chunk)
    {
        writer.WriteStartObject();
        writer.WriteNumber("index"u8, 0);
        writer.WriteStartObject("delta"u8);
        switch (chunk.Kind)
        {
            case ChatChunkKind.Role:
                writer.WriteString("role"u8, "assistant"u8);
                writer.WriteString("content"u8, ""u8);
                writer.WriteNull("refusal"u8);
                break;
            case ChatChunkKind.Content:
                writer.WriteString("content"u8, chunk.Text);
                break;
            case ChatChunkKind.ToolCallStart:
                var start = (ToolCallStartEvent)chunk.Event!;
                WriteToolCall(writer, chunk.ToolIndex, start.ToolCallId, start.ToolCallName, string.Empty);
                break;
            case ChatChunkKind.ToolCallArguments:
                WriteToolCall(writer, chunk.ToolIndex, id: null, name: null, ((ToolCallArgsEvent)chunk.Event!).Delta);
                break;
        }

        writer.WriteEndObject();
        writer.WriteNull("logprobs"u8);
        if (chunk.Kind == ChatChunkKind.Finish)
        {
            writer.WriteString("finish_reason"u8, ChatCompletionErrors.FinishReason((RunFinishedEvent)chunk.Event!));
        }
        else
        {
            writer.WriteNull("finish_reason"u8);
        }

        writer.WriteEndObject();
    }

    private static void WriteToolCall(Utf8JsonWriter writer, int index, string? id, string? name, string arguments)
    {
        writer.WriteStartArray("tool_calls"u8);
        writer.WriteStartObject();
        writer.WriteNumber("index"u8, index);
        if (id is not null)
        {
            writer.WriteString("id"u8, id);
            writer.WriteString("type"u8, "function"u8);
        }

        writer.WriteStartObject("function"u8);
        if (name is not null)
        {
            writer.WriteString("name"u8, name);
        }

        writer.WriteString("arguments"u8, arguments);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private static void WriteUsage(Utf8JsonWriter writer, Microsoft.Extensions.AI.UsageDetails? usage)
    {
        var input = usage?.InputTokenCount ?? 0;
        var output = usage?.OutputTokenCount ?? 0;
        writer.WriteStartObject("usage"u8);
        writer.WriteNumber("prompt_tokens"u8, input);
        writer.WriteNumber("completion_tokens"u8, output);
        writer.WriteNumber("total_tokens"u8, usage?.TotalTokenCount ?? input + output);
        writer.WriteEndObject();
    }
}
