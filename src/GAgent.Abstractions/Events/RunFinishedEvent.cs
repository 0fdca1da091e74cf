using Microsoft.Extensions.AI;

namespace GAgent.Events;

/// <summary>AG-UI <c>RUN_FINISHED</c>: the run ended without error, with an answer or paused on interrupts.</summary>
public sealed record RunFinishedEvent : AgentEvent
{
    /// <summary>Whether the run completed or paused.</summary>
    public RunOutcome Outcome { get; init; }

    /// <summary>Why the model stopped (<c>stop</c>, <c>length</c>, <c>tool_calls</c>, <c>content_filter</c>).</summary>
    public ChatFinishReason? FinishReason { get; init; }

    /// <summary>What the caller must supply to resume, when <see cref="Outcome"/> is <see cref="RunOutcome.Interrupt"/>.</summary>
    public IReadOnlyList<RunInterrupt> Interrupts { get; init; } = [];

    /// <summary>Tokens used by the whole run, summed over every model call.</summary>
    public UsageDetails? Usage { get; init; }

    /// <inheritdoc />
    public override string Type => AgentEventTypes.RunFinished;
}
