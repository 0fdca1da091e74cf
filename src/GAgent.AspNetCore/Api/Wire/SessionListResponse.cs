namespace GAgent.AspNetCore.Api.Wire;

/// <summary>A page of sessions; pass <see cref="NextCursor"/> as <c>?cursor=</c> for the next one.</summary>
internal sealed record SessionListResponse(IReadOnlyList<SessionResponse> Items, string? NextCursor);
