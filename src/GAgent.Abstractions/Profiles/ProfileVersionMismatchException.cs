namespace GAgent.Profiles;

/// <summary>The profile changed since the caller read it (optimistic concurrency, HTTP <c>If-Match</c>).</summary>
public sealed class ProfileVersionMismatchException : GAgentException
{
    /// <summary>Creates the exception.</summary>
    public ProfileVersionMismatchException(string profileId, long expectedVersion, long actualVersion)
        : base($"The profile '{profileId}' is at version {actualVersion}, not {expectedVersion}: it changed since you read it. Read it again and retry.", "profile_version_mismatch")
    {
        ProfileId = profileId;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>The profile id.</summary>
    public string ProfileId { get; }

    /// <summary>The version the caller expected.</summary>
    public long ExpectedVersion { get; }

    /// <summary>The stored version (0 when the profile does not exist).</summary>
    public long ActualVersion { get; }
}
