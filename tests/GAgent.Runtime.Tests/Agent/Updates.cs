using Microsoft.Extensions.AI;

namespace GAgent.Runtime.Tests.Agent;

/// <summary>Builders for the streaming updates a scripted model returns.</summary>
internal static class Updates
{
    public const string ModelId = "scripted-model-v1";

    public static ChatResponseUpdate Text(string text) => Of(new TextContent(text));

    public static ChatResponseUpdate Reasoning(string text) => Of(new TextReasoningContent(text));

    public static ChatResponseUpdate Call(string callId, string name, IDictionary<string, object?>? arguments = null)
        => Of(new FunctionCallContent(callId, name, arguments ?? new Dictionary<string, object?>()));

    public static ChatResponseUpdate Usage(long input, long output)
        => Of(new UsageContent(new UsageDetails { InputTokenCount = input, OutputTokenCount = output, TotalTokenCount = input + output }));

    public static ChatResponseUpdate Finish(ChatFinishReason reason)
    {
        var update = Of();
        update.FinishReason = reason;
        return update;
    }

    /// <summary>A complete answer: the text in the given pieces, usage, and finish reason stop.</summary>
    public static ChatResponseUpdate[] Answer(params string[] pieces)
        => [.. pieces.Select(Text), Usage(10, pieces.Length), Finish(ChatFinishReason.Stop)];

    /// <summary>A complete tool-calling turn: one call, usage, and finish reason tool_calls.</summary>
    public static ChatResponseUpdate[] CallTool(string callId, string name, IDictionary<string, object?>? arguments = null)
        => [Call(callId, name, arguments), Usage(5, 3), Finish(ChatFinishReason.ToolCalls)];

    private static ChatResponseUpdate Of(params AIContent[] contents)
        => new(ChatRole.Assistant, contents) { ModelId = ModelId };
}
