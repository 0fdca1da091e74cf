namespace GAgent.Learning;

/// <summary>
/// The learning queue's storage: candidates by id, listed newest first, with compare-and-set updates so two people
/// deciding at once cannot both win. Implementations are thread-safe, validate with <see cref="LearningValidation"/>,
/// enforce <see cref="LearningStatusRules"/>, and pass the shared conformance suite.
/// </summary>
public interface ILearningStore
{
    /// <summary>A page of candidates, newest first (by <see cref="LearningCandidate.CreatedAt"/>, then id).</summary>
    /// <exception cref="ArgumentException">The limit is outside 1 to <see cref="LearningQuery.MaxLimit"/> or <see cref="LearningQuery.After"/> is not a valid id.</exception>
    ValueTask<LearningPage> ListAsync(LearningQuery query, CancellationToken cancellationToken = default);

    /// <summary>Gets a candidate, or null when it does not exist (or the id is not valid).</summary>
    ValueTask<LearningCandidate?> GetAsync(string candidateId, CancellationToken cancellationToken = default);

    /// <summary>How many candidates are in <paramref name="status"/> (all when null).</summary>
    ValueTask<int> CountAsync(LearningCandidateStatus? status = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a new pending candidate. The store sets <see cref="LearningCandidate.Status"/> to pending,
    /// <see cref="LearningCandidate.CreatedAt"/> and <see cref="LearningCandidate.UpdatedAt"/> to now and
    /// <see cref="LearningCandidate.Version"/> to 1, and clears the decision members.
    /// </summary>
    /// <exception cref="ArgumentException">The candidate is not valid (see <see cref="LearningValidation"/>).</exception>
    /// <exception cref="LearningConflictException">A candidate with the id exists.</exception>
    ValueTask<LearningCandidate> AddAsync(LearningCandidate candidate, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the title, reason and proposal of a candidate that may be edited (<see cref="LearningStatusRules.CanEdit"/>).
    /// Its id, kind, source and creation time are kept; it becomes pending again (a failed one needs a new review).
    /// </summary>
    /// <param name="candidate">The candidate with the new title, reason and proposal.</param>
    /// <param name="expectedVersion">When set, the stored version must equal it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="ArgumentException">The result is not valid, or the kind differs from the stored one.</exception>
    /// <exception cref="LearningCandidateNotFoundException">The candidate does not exist.</exception>
    /// <exception cref="LearningConflictException">It may not be edited in its state, or its version is not <paramref name="expectedVersion"/>.</exception>
    ValueTask<LearningCandidate> UpdateAsync(LearningCandidate candidate, long? expectedVersion = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves a candidate to another state, atomically: the move happens only when <see cref="LearningStatusRules.CanTransition"/>
    /// allows it from the stored state (and the stored version equals <paramref name="expectedVersion"/> when set). Approving
    /// and rejecting set <see cref="LearningCandidate.DecidedAt"/> and the note; applying sets <see cref="LearningCandidate.AppliedAt"/>
    /// and clears the error; failing records <paramref name="text"/> as the error.
    /// </summary>
    /// <param name="candidateId">The candidate.</param>
    /// <param name="status">The new state (approved, rejected, applied or failed).</param>
    /// <param name="text">The reviewer's note (approved, rejected) or the error (failed); ignored when applied.</param>
    /// <param name="expectedVersion">When set, the stored version must equal it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="ArgumentException">The status is pending, or the text is too long.</exception>
    /// <exception cref="LearningCandidateNotFoundException">The candidate does not exist.</exception>
    /// <exception cref="LearningConflictException">The move is not allowed from the stored state, or the version differs.</exception>
    ValueTask<LearningCandidate> TransitionAsync(string candidateId, LearningCandidateStatus status, string? text = null, long? expectedVersion = null, CancellationToken cancellationToken = default);
}
