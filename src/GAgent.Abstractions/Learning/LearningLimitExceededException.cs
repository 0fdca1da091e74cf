namespace GAgent.Learning;

/// <summary>Too many candidates wait for review; decide some before more can be proposed.</summary>
public sealed class LearningLimitExceededException : GAgentException
{
    /// <summary>Creates the exception.</summary>
    public LearningLimitExceededException(int maxPending)
        : base($"{maxPending} learning candidates already wait for review (GAgent:Learning:MaxPending). Approve or reject some (GET /api/learning?status=pending) before proposing more.", "learning_queue_full") => MaxPending = maxPending;

    /// <summary>The cap.</summary>
    public int MaxPending { get; }
}
