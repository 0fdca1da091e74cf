namespace GAgent.Sessions;

/// <summary>What to create a session with.</summary>
public sealed record NewSession
{
    /// <summary>The id to use; null generates one. Must satisfy <see cref="SessionIds.IsValid"/>.</summary>
    public string? Id { get; init; }

    /// <summary>Optional title.</summary>
    public string? Title { get; init; }

    /// <summary>Optional profile (or model) id.</summary>
    public string? ProfileId { get; init; }
}
