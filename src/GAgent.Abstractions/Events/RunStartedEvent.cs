namespace GAgent.Events;

/// <summary>AG-UI <c>RUN_STARTED</c>: the run was accepted and the agent began working.</summary>
public sealed record RunStartedEvent : AgentEvent
{
    /// <summary>The model the run uses.</summary>
    public string? ModelId { get; init; }

    /// <summary>The profile the run uses.</summary>
    public string? ProfileId { get; init; }

    /// <inheritdoc />
    public override string Type => AgentEventTypes.RunStarted;
}
