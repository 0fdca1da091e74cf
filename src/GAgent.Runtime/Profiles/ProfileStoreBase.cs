namespace GAgent.Profiles;

/// <summary>
/// The rules every profile store shares (validation, versions, the built-in default, what may be deleted), over a few
/// storage primitives. Writes are serialised by one lock, so version checks and read-modify-write patches are atomic.
/// </summary>
internal abstract class ProfileStoreBase(TimeProvider time) : IProfileStore, IDisposable
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public async ValueTask<IReadOnlyList<AgentProfile>> ListAsync(CancellationToken cancellationToken = default)
    {
        var stored = await LoadAllAsync(cancellationToken).ConfigureAwait(false);
        var all = stored.Any(static p => p.Id == ProfileIds.Default) ? stored : [AgentProfile.BuiltInDefault, .. stored];
        return [.. all.OrderBy(static p => p.Id == ProfileIds.Default ? 0 : 1).ThenBy(static p => p.Id, StringComparer.Ordinal)];
    }

    public async ValueTask<AgentProfile?> GetAsync(string profileId, CancellationToken cancellationToken = default)
    {
        if (!ProfileIds.IsValid(profileId))
        {
            return null;
        }

        return await LoadAsync(profileId, cancellationToken).ConfigureAwait(false)
            ?? (profileId == ProfileIds.Default ? AgentProfile.BuiltInDefault : null);
    }

    public async ValueTask<AgentProfile> PutAsync(AgentProfile profile, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ProfileValidation.Validate(profile);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var existing = await GetAsync(profile.Id, cancellationToken).ConfigureAwait(false);
            CheckVersion(profile.Id, existing, expectedVersion);
            var now = time.GetUtcNow();
            var stored = profile with
            {
                CreatedAt = existing is { Version: > 0 } ? existing.CreatedAt : now,
                UpdatedAt = now,
                Version = (existing?.Version ?? 0) + 1,
            };
            await SaveAsync(stored, cancellationToken).ConfigureAwait(false);
            return stored;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async ValueTask<AgentProfile> PatchAsync(string profileId, ProfilePatch patch, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patch);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var existing = await GetAsync(profileId, cancellationToken).ConfigureAwait(false) ?? throw new ProfileNotFoundException(profileId);
            CheckVersion(profileId, existing, expectedVersion);
            var changed = ProfilePatching.Apply(existing, patch);
            ProfileValidation.Validate(changed);
            var now = time.GetUtcNow();
            var stored = changed with { CreatedAt = existing.Version > 0 ? existing.CreatedAt : now, UpdatedAt = now, Version = existing.Version + 1 };
            await SaveAsync(stored, cancellationToken).ConfigureAwait(false);
            return stored;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async ValueTask<bool> DeleteAsync(string profileId, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        if (profileId == ProfileIds.Default)
        {
            throw new ProfileInUseException(profileId, "The default profile cannot be deleted; edit it instead.");
        }

        if (!ProfileIds.IsValid(profileId))
        {
            return false;
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var existing = await LoadAsync(profileId, cancellationToken).ConfigureAwait(false);
            CheckVersion(profileId, existing, expectedVersion);
            if (existing is null)
            {
                return false;
            }

            if (await LoadActiveAsync(cancellationToken).ConfigureAwait(false) == profileId)
            {
                throw new ProfileInUseException(profileId, $"The profile '{profileId}' is the active profile; activate another one (PUT /api/profiles/active) before deleting it.");
            }

            return await RemoveAsync(profileId, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async ValueTask<string> GetActiveProfileIdAsync(CancellationToken cancellationToken = default)
    {
        var active = await LoadActiveAsync(cancellationToken).ConfigureAwait(false);
        return active is not null && await GetAsync(active, cancellationToken).ConfigureAwait(false) is not null ? active : ProfileIds.Default;
    }

    public async ValueTask SetActiveProfileIdAsync(string profileId, CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await GetAsync(profileId, cancellationToken).ConfigureAwait(false) is null)
            {
                throw new ProfileNotFoundException(profileId);
            }

            await SaveActiveAsync(profileId, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Every stored profile (the built-in default is added by the base when none is stored).</summary>
    protected abstract ValueTask<IReadOnlyList<AgentProfile>> LoadAllAsync(CancellationToken cancellationToken);

    /// <summary>One stored profile by a valid id, or null.</summary>
    protected abstract ValueTask<AgentProfile?> LoadAsync(string profileId, CancellationToken cancellationToken);

    protected abstract ValueTask SaveAsync(AgentProfile profile, CancellationToken cancellationToken);

    protected abstract ValueTask<bool> RemoveAsync(string profileId, CancellationToken cancellationToken);

    protected abstract ValueTask<string?> LoadActiveAsync(CancellationToken cancellationToken);

    protected abstract ValueTask SaveActiveAsync(string profileId, CancellationToken cancellationToken);

    private static void CheckVersion(string profileId, AgentProfile? existing, long? expected)
    {
        var actual = existing?.Version ?? 0;
        if (expected is { } version && version != actual)
        {
            throw new ProfileVersionMismatchException(profileId, version, actual);
        }
    }
}
