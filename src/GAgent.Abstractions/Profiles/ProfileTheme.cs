namespace GAgent.Profiles;

/// <summary>The colour scheme a client shows a profile in.</summary>
public enum ProfileTheme
{
    /// <summary>Follow the client's system setting.</summary>
    System,

    /// <summary>Light scheme.</summary>
    Light,

    /// <summary>Dark scheme.</summary>
    Dark,
}
