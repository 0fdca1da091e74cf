using GAgent.Channels;

namespace GAgent.AspNetCore.Api.Wire;

/// <summary>What a channel can carry.</summary>
internal sealed record ChannelCapabilitiesResponse(bool SupportsStreamingEdits, bool SupportsMediaSend, bool SupportsMediaReceive, int? MaxTextLength, ChannelMarkup Markup);
