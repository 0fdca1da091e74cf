using GAgent.Channels;

namespace GAgent.AspNetCore.Api.Wire;

/// <summary>A channel's supervised state.</summary>
internal sealed record ChannelStatusResponse(ChannelState State, bool Enabled, string? LastError, int Restarts, DateTimeOffset? StartedAt, DateTimeOffset? LastActivity);
