namespace GAgent.AspNetCore.Api.Wire;

/// <summary>A channel's name and state in <c>GET /api/status</c>.</summary>
internal sealed record StatusChannelResponse(string Name, string State);
