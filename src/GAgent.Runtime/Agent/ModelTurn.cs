using Microsoft.Extensions.AI;

namespace GAgent.Agent;

/// <summary>What one model call produced so far; kept outside the call so a stop can still persist partial text.</summary>
internal sealed class ModelTurn(string messageId)
{
    private string? _toolMessageId;
    private bool _ownsUsage;

    public string MessageId { get; } = messageId;

    public MessageText Text { get; } = new();

    public MessageText Reasoning { get; } = new();

    public List<FunctionCallContent> Calls { get; } = [];

    /// <summary>What the model reported the call used; null when it reported nothing.</summary>
    public UsageDetails? Usage { get; private set; }

    public ChatFinishReason? FinishReason { get; set; }

    public string? ModelId { get; set; }

    public bool TextOpen { get; set; }

    public string? ReasoningMessageId { get; set; }

    /// <summary>True once the assistant message is stored; a stop after that must not store its text again.</summary>
    public bool IsStored { get; set; }

    /// <summary>Results of the turn's server tool calls so far; if the run ends early, the remaining calls get error results.</summary>
    public List<FunctionResultContent> ToolResults { get; } = [];

    /// <summary>The id of the tool message that answers the turn's calls; made when first asked (most turns call no tools).</summary>
    public string ToolMessageId => _toolMessageId ??= RunIds.NewMessageId();

    /// <summary>
    /// Counts a usage report. The first is kept as reported (read, never changed); a model that reports more than once
    /// gets a sum of its own, so the provider's objects are never modified.
    /// </summary>
    public void AddUsage(UsageDetails reported)
    {
        if (Usage is null)
        {
            Usage = reported;
            _ownsUsage = false;
            return;
        }

        if (!_ownsUsage)
        {
            var sum = new UsageDetails();
            sum.Add(Usage);
            Usage = sum;
            _ownsUsage = true;
        }

        Usage.Add(reported);
    }

    public bool IsEmpty => Text.Length == 0 && Reasoning.Length == 0 && Calls.Count == 0;

    /// <summary>
    /// The assistant message as the model will see it on the next call and the store keeps it; called once the model's
    /// stream has ended and its text and reasoning are journaled, so their buffers go back to the pool.
    /// </summary>
    public List<AIContent> ToContents()
    {
        var contents = new List<AIContent>(Calls.Count + 2);
        if (Reasoning.Length > 0)
        {
            contents.Add(new TextReasoningContent(Reasoning.Complete()));
        }

        if (Text.Length > 0)
        {
            contents.Add(new TextContent(Text.Complete()));
        }

        contents.AddRange(Calls);
        return contents;
    }
}
