namespace GAgent.AspNetCore.Api.Wire;

/// <summary>One channel in <c>GET /api/channels</c>.</summary>
internal sealed record ChannelResponse(string Name, ChannelCapabilitiesResponse Capabilities, ChannelStatusResponse Status);
