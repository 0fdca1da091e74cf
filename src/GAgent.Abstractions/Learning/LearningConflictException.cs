namespace GAgent.Learning;

/// <summary>
/// The candidate's state does not allow the change (a second decision, editing an applied candidate, applying an
/// unapproved one), or it changed since the caller read it (compare-and-set lost).
/// </summary>
public sealed class LearningConflictException : GAgentException
{
    /// <summary>Creates the exception.</summary>
    public LearningConflictException(string candidateId, LearningCandidateStatus currentStatus, string message, string errorCode = "learning_conflict")
        : base(message, errorCode)
    {
        CandidateId = candidateId;
        CurrentStatus = currentStatus;
    }

    /// <summary>The candidate id.</summary>
    public string CandidateId { get; }

    /// <summary>The candidate's state when the change was refused.</summary>
    public LearningCandidateStatus CurrentStatus { get; }
}
