namespace GAgent.Profiles;

/// <summary>The profile cannot be deleted: it is the default profile or the active one.</summary>
public sealed class ProfileInUseException : GAgentException
{
    /// <summary>Creates the exception.</summary>
    public ProfileInUseException(string profileId, string message)
        : base(message, "profile_in_use") => ProfileId = profileId;

    /// <summary>The profile that is in use.</summary>
    public string ProfileId { get; }
}
