namespace GAgent.Channels;

/// <summary>The payload of <c>gagent.channel.status</c>: the channel's name and status as <c>GET /api/channels</c> shows them.</summary>
internal sealed record ChannelNotificationPayload(string Name, ChannelStatus Status);
