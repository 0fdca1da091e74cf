using GAgent.Profiles;

namespace GAgent.Learning;

/// <summary>A proposed change of a profile (persona, name, tools, ...), applied as a <see cref="ProfilePatch"/>.</summary>
public sealed record ProfileProposal
{
    /// <summary>The profile to change.</summary>
    public required string ProfileId { get; init; }

    /// <summary>The members to change; null members stay as they are.</summary>
    public required ProfilePatch Changes { get; init; }
}
