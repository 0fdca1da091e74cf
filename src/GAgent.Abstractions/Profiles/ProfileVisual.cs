namespace GAgent.Profiles;

/// <summary>How clients show a profile: avatar, accent colour and theme.</summary>
public sealed record ProfileVisual
{
    /// <summary>The id of an uploaded image (<c>POST /api/media</c>) used as the avatar, or null for none.</summary>
    public string? AvatarMediaId { get; init; }

    /// <summary>Accent colour as <c>#rrggbb</c>, or null for the client's default.</summary>
    public string? AccentColor { get; init; }

    /// <summary>Colour scheme.</summary>
    public ProfileTheme Theme { get; init; } = ProfileTheme.System;
}
