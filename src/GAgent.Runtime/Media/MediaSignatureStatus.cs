namespace GAgent.Media;

/// <summary>The outcome of checking a signed media URL.</summary>
public enum MediaSignatureStatus
{
    /// <summary>The signature matches and has not expired.</summary>
    Valid,

    /// <summary>The signature is missing, malformed or does not match the id and expiry.</summary>
    Invalid,

    /// <summary>The signature matches but its expiry has passed.</summary>
    Expired,
}
