namespace GAgent.Approvals;

/// <summary>Where an approval stands. Only <see cref="Pending"/> can change, and only once.</summary>
public enum ApprovalStatus
{
    /// <summary>Waiting for the owner's decision; the run that asked is paused.</summary>
    Pending,

    /// <summary>The owner allowed the tool call.</summary>
    Approved,

    /// <summary>The owner refused the tool call; the model gets the refusal as the tool's result.</summary>
    Denied,

    /// <summary>No longer actionable (a new message superseded it, or its session changed); it was never decided.</summary>
    Expired,
}
