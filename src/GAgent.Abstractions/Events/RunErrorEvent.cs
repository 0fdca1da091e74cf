namespace GAgent.Events;

/// <summary>AG-UI <c>RUN_ERROR</c>: the run failed or was stopped. Always the last event of its run.</summary>
public sealed record RunErrorEvent : AgentEvent
{
    /// <summary>What went wrong, safe to show to the user.</summary>
    public required string Message { get; init; }

    /// <summary>Machine-readable code, see <see cref="RunErrorCodes"/>.</summary>
    public required string Code { get; init; }

    /// <inheritdoc />
    public override string Type => AgentEventTypes.RunError;
}
