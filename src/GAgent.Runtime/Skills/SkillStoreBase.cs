namespace GAgent.Skills;

/// <summary>
/// The rules every skill store shares (id validation, parsing, the size cap, enabled state) over storage primitives.
/// Enabled state is kept as the set of disabled ids, so a skill folder dropped in by hand starts enabled.
/// </summary>
internal abstract class SkillStoreBase : ISkillStore, IDisposable
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly TimeProvider _time;

    protected SkillStoreBase(int maxSkillChars, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSkillChars, 1);
        MaxSkillChars = maxSkillChars;
        _time = time;
    }

    public int MaxSkillChars { get; }

    public async ValueTask<IReadOnlyList<Skill>> ListAsync(CancellationToken cancellationToken = default)
    {
        var disabled = await LoadDisabledAsync(cancellationToken).ConfigureAwait(false);
        var skills = new List<Skill>();
        foreach (var (id, content, updatedAt) in await LoadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (ToSkill(id, content, updatedAt, disabled) is { } skill)
            {
                skills.Add(skill);
            }
        }

        return [.. skills.OrderBy(static s => s.Id, StringComparer.Ordinal)];
    }

    public async ValueTask<Skill?> GetAsync(string skillId, CancellationToken cancellationToken = default)
    {
        if (!SkillIds.IsValid(skillId))
        {
            return null;
        }

        var stored = await LoadAsync(skillId, cancellationToken).ConfigureAwait(false);
        return stored is { } found ? ToSkill(skillId, found.Content, found.UpdatedAt, await LoadDisabledAsync(cancellationToken).ConfigureAwait(false)) : null;
    }

    public async ValueTask<Skill> PutAsync(string skillId, string content, CancellationToken cancellationToken = default)
    {
        SkillIds.Validate(skillId);
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length > MaxSkillChars)
        {
            throw new SkillTooLargeException(content.Length, MaxSkillChars);
        }

        var document = SkillMarkdown.Parse(content);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _time.GetUtcNow();
            await SaveAsync(skillId, content, now, cancellationToken).ConfigureAwait(false);
            var disabled = await LoadDisabledAsync(cancellationToken).ConfigureAwait(false);
            return new Skill { Id = skillId, Name = document.Name, Description = document.Description, Body = document.Body, Content = content, Enabled = !disabled.Contains(skillId), UpdatedAt = now };
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async ValueTask<Skill> SetEnabledAsync(string skillId, bool enabled, CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var skill = await GetAsync(skillId, cancellationToken).ConfigureAwait(false) ?? throw new SkillNotFoundException(skillId);
            var disabled = new HashSet<string>(await LoadDisabledAsync(cancellationToken).ConfigureAwait(false), StringComparer.Ordinal);
            if (enabled ? disabled.Remove(skillId) : disabled.Add(skillId))
            {
                await SaveDisabledAsync(disabled, cancellationToken).ConfigureAwait(false);
            }

            return skill with { Enabled = enabled };
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async ValueTask<bool> DeleteAsync(string skillId, CancellationToken cancellationToken = default)
    {
        if (!SkillIds.IsValid(skillId))
        {
            return false;
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var removed = await RemoveAsync(skillId, cancellationToken).ConfigureAwait(false);
            var disabled = new HashSet<string>(await LoadDisabledAsync(cancellationToken).ConfigureAwait(false), StringComparer.Ordinal);
            if (disabled.Remove(skillId))
            {
                // A skill created later under the same id starts enabled, as a new skill does.
                await SaveDisabledAsync(disabled, cancellationToken).ConfigureAwait(false);
            }

            return removed;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _writeLock.Dispose();
        }
    }

    /// <summary>Every stored skill's id, text and time of change.</summary>
    protected abstract ValueTask<IReadOnlyList<(string Id, string Content, DateTimeOffset UpdatedAt)>> LoadAllAsync(CancellationToken cancellationToken);

    /// <summary>One stored skill by a valid id, or null.</summary>
    protected abstract ValueTask<(string Content, DateTimeOffset UpdatedAt)?> LoadAsync(string skillId, CancellationToken cancellationToken);

    protected abstract ValueTask SaveAsync(string skillId, string content, DateTimeOffset updatedAt, CancellationToken cancellationToken);

    protected abstract ValueTask<bool> RemoveAsync(string skillId, CancellationToken cancellationToken);

    protected abstract ValueTask<IReadOnlySet<string>> LoadDisabledAsync(CancellationToken cancellationToken);

    protected abstract ValueTask SaveDisabledAsync(IReadOnlySet<string> disabled, CancellationToken cancellationToken);

    /// <summary>Called when a stored text no longer parses (edited by hand); the skill is left out.</summary>
    protected virtual void OnInvalid(string skillId, InvalidSkillException exception)
    {
    }

    private Skill? ToSkill(string id, string content, DateTimeOffset updatedAt, IReadOnlySet<string> disabled)
    {
        try
        {
            var document = SkillMarkdown.Parse(content);
            return new Skill { Id = id, Name = document.Name, Description = document.Description, Body = document.Body, Content = content, Enabled = !disabled.Contains(id), UpdatedAt = updatedAt };
        }
        catch (InvalidSkillException ex)
        {
            OnInvalid(id, ex);
            return null;
        }
    }
}
