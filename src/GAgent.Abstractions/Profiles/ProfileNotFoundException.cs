namespace GAgent.Profiles;

/// <summary>The profile does not exist.</summary>
public sealed class ProfileNotFoundException : GAgentException
{
    /// <summary>Creates the exception.</summary>
    public ProfileNotFoundException(string profileId)
        : base($"The profile '{profileId}' does not exist. GET /api/profiles lists the profiles.", "profile_not_found") => ProfileId = profileId;

    /// <summary>Creates the exception with a specific message.</summary>
    public ProfileNotFoundException(string profileId, string message)
        : base(message, "profile_not_found") => ProfileId = profileId;

    /// <summary>The id that was not found.</summary>
    public string ProfileId { get; }
}
