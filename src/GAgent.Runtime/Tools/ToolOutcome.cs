using Microsoft.Extensions.AI;

namespace GAgent.Tools;

/// <summary>A tool call's result for the model, its text for event streams, and whether it failed.</summary>
internal sealed record ToolOutcome(FunctionResultContent Result, string Text, bool IsError)
{
    public static ToolOutcome Failure(string callId, string message, Exception? exception = null)
        => new(new FunctionResultContent(callId, message) { Exception = exception }, message, IsError: true);
}
