namespace GAgent.Profiles;

/// <summary>
/// How profiles appear among models: <c>/v1/models</c> lists each profile as <c>profile:{id}</c>, and a request whose
/// <c>model</c> is <c>profile:{id}</c> runs with that profile (its persona, model, tools and memory).
/// </summary>
public static class ProfileModelIds
{
    /// <summary>The prefix that marks a model id as a profile reference.</summary>
    public const string Prefix = "profile:";

    /// <summary>The model id under which a profile is offered.</summary>
    public static string ToModelId(string profileId)
    {
        ArgumentException.ThrowIfNullOrEmpty(profileId);
        return Prefix + profileId;
    }

    /// <summary>True when <paramref name="modelId"/> starts with <see cref="Prefix"/>; <paramref name="profileId"/> is what follows (not validated).</summary>
    public static bool TryParse(string? modelId, out string profileId)
    {
        if (modelId is not null && modelId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            profileId = modelId[Prefix.Length..];
            return true;
        }

        profileId = string.Empty;
        return false;
    }
}
