namespace GAgent.LoadTest;

/// <summary>The body of <c>POST /api/sessions</c>.</summary>
internal sealed record SessionRequest(string Id);
