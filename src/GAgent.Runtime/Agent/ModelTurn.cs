using System.Text;
using Microsoft.Extensions.AI;

namespace GAgent.Agent;

/// <summary>What one streamed model call produced so far; kept outside the stream loop so a stop can still persist partial text.</summary>
internal sealed class ModelTurn(string messageId)
{
    private string? _toolMessageId;

    public string MessageId { get; } = messageId;

    public StringBuilder Text { get; } = new();

    public StringBuilder Reasoning { get; } = new();

    public List<FunctionCallContent> Calls { get; } = [];

    public UsageDetails? Usage { get; set; }

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

    public bool IsEmpty => Text.Length == 0 && Reasoning.Length == 0 && Calls.Count == 0;

    /// <summary>The assistant message as the model will see it on the next call and the store keeps it.</summary>
    public List<AIContent> ToContents()
    {
        var contents = new List<AIContent>(Calls.Count + 2);
        if (Reasoning.Length > 0)
        {
            contents.Add(new TextReasoningContent(Reasoning.ToString()));
        }

        if (Text.Length > 0)
        {
            contents.Add(new TextContent(Text.ToString()));
        }

        contents.AddRange(Calls);
        return contents;
    }
}
