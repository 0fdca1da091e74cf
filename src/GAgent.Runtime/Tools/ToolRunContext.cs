namespace GAgent.Tools;

/// <summary>
/// The run a tool call belongs to, handed to the tool through <see cref="Microsoft.Extensions.AI.AIFunctionArguments.Context"/>,
/// so a built-in tool that records where it was called from can be one shared function instead of one per run.
/// </summary>
/// <param name="RunId">The calling run.</param>
/// <param name="SessionId">Its session, or null for an ephemeral run.</param>
internal sealed record ToolRunContext(string RunId, string? SessionId)
{
    /// <summary>The key of the context entry.</summary>
    public static object Key { get; } = typeof(ToolRunContext);

    /// <summary>The calling run's context, when the call came through the agent loop.</summary>
    public static ToolRunContext? From(Microsoft.Extensions.AI.AIFunctionArguments arguments)
        => arguments.Context is { } context && context.TryGetValue(Key, out var value) ? value as ToolRunContext : null;
}
