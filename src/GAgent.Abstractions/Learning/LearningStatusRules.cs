namespace GAgent.Learning;

/// <summary>The review life cycle every learning store enforces.</summary>
public static class LearningStatusRules
{
    /// <summary>
    /// True when a candidate may move from <paramref name="from"/> to <paramref name="to"/>: pending → approved or
    /// rejected; approved or failed → applied or failed; failed → rejected. Back to pending only by an edit (<see cref="CanEdit"/>).
    /// </summary>
    public static bool CanTransition(LearningCandidateStatus from, LearningCandidateStatus to) => (from, to) switch
    {
        (LearningCandidateStatus.Pending, LearningCandidateStatus.Approved or LearningCandidateStatus.Rejected) => true,
        (LearningCandidateStatus.Approved or LearningCandidateStatus.Failed, LearningCandidateStatus.Applied or LearningCandidateStatus.Failed) => true,
        (LearningCandidateStatus.Failed, LearningCandidateStatus.Rejected) => true,
        _ => false,
    };

    /// <summary>True when the proposal of a candidate in <paramref name="status"/> may be edited (pending, or failed, which returns it to pending for a new review).</summary>
    public static bool CanEdit(LearningCandidateStatus status) => status is LearningCandidateStatus.Pending or LearningCandidateStatus.Failed;

    /// <summary>True for states that still wait for a person or for applying (pending, approved, failed).</summary>
    public static bool IsOpen(LearningCandidateStatus status) => status is LearningCandidateStatus.Pending or LearningCandidateStatus.Approved or LearningCandidateStatus.Failed;
}
