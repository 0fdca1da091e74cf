namespace GAgent.Learning;

/// <summary>Learning candidates kept in the process only (tests, throwaway hosts): everything is lost when the process ends.</summary>
internal sealed class InMemoryLearningStore(TimeProvider time) : LearningStoreBase(time)
{
    protected override ValueTask<IReadOnlyList<LearningCandidate>> LoadAllAsync(CancellationToken cancellationToken)
        => ValueTask.FromResult<IReadOnlyList<LearningCandidate>>([]);

    protected override ValueTask SaveAsync(LearningCandidate candidate, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
