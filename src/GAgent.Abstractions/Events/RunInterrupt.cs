namespace GAgent.Events;

/// <summary>Why a run paused (AG-UI interrupt): what the caller must supply to resume it.</summary>
public sealed record RunInterrupt
{
    /// <summary>Identifier the caller passes back when resuming (an approval id, or a tool call id).</summary>
    public required string Id { get; init; }

    /// <summary>Machine-readable reason, see <see cref="RunInterruptReasons"/>.</summary>
    public required string Reason { get; init; }

    /// <summary>Human-readable explanation.</summary>
    public string? Message { get; init; }

    /// <summary>The tool call the interrupt is about (for approvals), when there is one.</summary>
    public string? ToolCallId { get; init; }
}
