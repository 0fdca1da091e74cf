namespace GAgent.Sessions;

/// <summary>The payload of <c>gagent.session.created/updated</c>: the session as <c>GET /api/sessions/{id}</c> shows it.</summary>
internal sealed record SessionNotificationPayload(string Id, string? Title, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, bool Pinned, long MessageCount, string? ProfileId, string? ActiveRunId);
