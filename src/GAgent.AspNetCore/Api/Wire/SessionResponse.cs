namespace GAgent.AspNetCore.Api.Wire;

/// <summary>A session as the control API shows it.</summary>
internal sealed record SessionResponse(string Id, string? Title, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, bool Pinned, long MessageCount, string? ProfileId, string? ActiveRunId);
