namespace GAgent.Sessions;

/// <summary>The payload of <c>gagent.session.deleted</c>.</summary>
internal sealed record SessionDeletedPayload(string Id);
