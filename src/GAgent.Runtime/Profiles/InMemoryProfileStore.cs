using System.Collections.Concurrent;

namespace GAgent.Profiles;

/// <summary>Profiles in memory only (tests, throwaway hosts): everything is lost when the process ends.</summary>
internal sealed class InMemoryProfileStore(TimeProvider time) : ProfileStoreBase(time)
{
    private readonly ConcurrentDictionary<string, AgentProfile> _profiles = new(StringComparer.Ordinal);
    private volatile string? _active;

    protected override ValueTask<IReadOnlyList<AgentProfile>> LoadAllAsync(CancellationToken cancellationToken)
        => ValueTask.FromResult<IReadOnlyList<AgentProfile>>([.. _profiles.Values]);

    protected override ValueTask<AgentProfile?> LoadAsync(string profileId, CancellationToken cancellationToken)
        => ValueTask.FromResult(_profiles.GetValueOrDefault(profileId));

    protected override ValueTask SaveAsync(AgentProfile profile, CancellationToken cancellationToken)
    {
        _profiles[profile.Id] = profile;
        return ValueTask.CompletedTask;
    }

    protected override ValueTask<bool> RemoveAsync(string profileId, CancellationToken cancellationToken)
        => ValueTask.FromResult(_profiles.TryRemove(profileId, out _));

    protected override ValueTask<string?> LoadActiveAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_active);

    protected override ValueTask SaveActiveAsync(string profileId, CancellationToken cancellationToken)
    {
        _active = profileId;
        return ValueTask.CompletedTask;
    }
}
