namespace GAgent.Profiles;

/// <summary>
/// Agent profiles and which one is active. The profile <see cref="ProfileIds.Default"/> always exists (as
/// <see cref="AgentProfile.BuiltInDefault"/> until edited) and is active until another is chosen. Implementations are
/// thread-safe, validate with <see cref="ProfileValidation"/>, and pass the shared conformance suite.
/// </summary>
public interface IProfileStore
{
    /// <summary>Every profile, the default first, then by id.</summary>
    ValueTask<IReadOnlyList<AgentProfile>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets a profile, or null when it does not exist (or the id is not valid).</summary>
    ValueTask<AgentProfile?> GetAsync(string profileId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates or replaces a profile. The store sets <see cref="AgentProfile.CreatedAt"/> (kept on replace),
    /// <see cref="AgentProfile.UpdatedAt"/> and <see cref="AgentProfile.Version"/> (1 when created).
    /// </summary>
    /// <param name="profile">The profile.</param>
    /// <param name="expectedVersion">When set, the stored version must equal it (0 means it must not exist yet).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="ArgumentException">The profile is not valid (see <see cref="ProfileValidation"/>).</exception>
    /// <exception cref="ProfileVersionMismatchException">The stored version is not <paramref name="expectedVersion"/>.</exception>
    ValueTask<AgentProfile> PutAsync(AgentProfile profile, long? expectedVersion = null, CancellationToken cancellationToken = default);

    /// <summary>Changes some members of a profile.</summary>
    /// <exception cref="ProfileNotFoundException">The profile does not exist.</exception>
    /// <exception cref="ArgumentException">The result would not be valid.</exception>
    /// <exception cref="ProfileVersionMismatchException">The stored version is not <paramref name="expectedVersion"/>.</exception>
    ValueTask<AgentProfile> PatchAsync(string profileId, ProfilePatch patch, long? expectedVersion = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a profile; returns false when it did not exist.</summary>
    /// <exception cref="ProfileInUseException">The profile is the default or the active one.</exception>
    /// <exception cref="ProfileVersionMismatchException">The stored version is not <paramref name="expectedVersion"/>.</exception>
    ValueTask<bool> DeleteAsync(string profileId, long? expectedVersion = null, CancellationToken cancellationToken = default);

    /// <summary>The id of the globally active profile (<see cref="ProfileIds.Default"/> until another is chosen).</summary>
    ValueTask<string> GetActiveProfileIdAsync(CancellationToken cancellationToken = default);

    /// <summary>Makes a profile the globally active one.</summary>
    /// <exception cref="ProfileNotFoundException">The profile does not exist.</exception>
    ValueTask SetActiveProfileIdAsync(string profileId, CancellationToken cancellationToken = default);
}
