namespace GAgent.AspNetCore.Api.Wire;

/// <summary>A profile's visual settings as the control API shows them; <c>avatarUrl</c> is a signed media URL.</summary>
internal sealed record ProfileVisualResponse(string? AvatarMediaId, string? AvatarUrl, string? AccentColor, string Theme);
