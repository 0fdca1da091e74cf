using System.Collections.Concurrent;

namespace GAgent.Skills;

/// <summary>Skills kept in the process only (tests, throwaway hosts): everything is lost when the process ends.</summary>
internal sealed class InMemorySkillStore(int maxSkillChars, TimeProvider time) : SkillStoreBase(maxSkillChars, time)
{
    private readonly ConcurrentDictionary<string, (string Content, DateTimeOffset UpdatedAt)> _skills = new(StringComparer.Ordinal);
    private volatile IReadOnlySet<string> _disabled = new HashSet<string>(StringComparer.Ordinal);

    protected override ValueTask<IReadOnlyList<(string Id, string Content, DateTimeOffset UpdatedAt)>> LoadAllAsync(CancellationToken cancellationToken)
        => ValueTask.FromResult<IReadOnlyList<(string Id, string Content, DateTimeOffset UpdatedAt)>>([.. _skills.Select(static p => (p.Key, p.Value.Content, p.Value.UpdatedAt))]);

    protected override ValueTask<(string Content, DateTimeOffset UpdatedAt)?> LoadAsync(string skillId, CancellationToken cancellationToken)
        => ValueTask.FromResult<(string Content, DateTimeOffset UpdatedAt)?>(_skills.TryGetValue(skillId, out var found) ? found : null);

    protected override ValueTask SaveAsync(string skillId, string content, DateTimeOffset updatedAt, CancellationToken cancellationToken)
    {
        _skills[skillId] = (content, updatedAt);
        return ValueTask.CompletedTask;
    }

    protected override ValueTask<bool> RemoveAsync(string skillId, CancellationToken cancellationToken)
        => ValueTask.FromResult(_skills.TryRemove(skillId, out _));

    protected override ValueTask<IReadOnlySet<string>> LoadDisabledAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_disabled);

    protected override ValueTask SaveDisabledAsync(IReadOnlySet<string> disabled, CancellationToken cancellationToken)
    {
        _disabled = new HashSet<string>(disabled, StringComparer.Ordinal);
        return ValueTask.CompletedTask;
    }
}
