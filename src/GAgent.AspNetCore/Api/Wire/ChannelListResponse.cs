namespace GAgent.AspNetCore.Api.Wire;

/// <summary><c>GET /api/channels</c>: every registered channel in registration order.</summary>
internal sealed record ChannelListResponse(IReadOnlyList<ChannelResponse> Data);
