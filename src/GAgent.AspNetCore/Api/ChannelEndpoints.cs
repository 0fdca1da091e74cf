using GAgent.AspNetCore.Api.Wire;
using GAgent.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GAgent.AspNetCore.Api;

/// <summary><c>GET /api/channels</c>: the registered channels, their capabilities and supervised status.</summary>
internal static class ChannelEndpoints
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/channels", List).WithName("GAgentListChannels");

    private static JsonHttpResult<ChannelListResponse> List(ChannelManager manager)
        => TypedResults.Json(new ChannelListResponse([.. manager.Channels.Select(c => ToResponse(c, manager.GetStatus(c.Name)))]), ApiJson.Context.ChannelListResponse);

    private static ChannelResponse ToResponse(IChannel channel, ChannelStatus status)
    {
        var capabilities = channel.Capabilities;
        return new ChannelResponse(
            channel.Name,
            new ChannelCapabilitiesResponse(capabilities.SupportsStreamingEdits, capabilities.SupportsMediaSend, capabilities.SupportsMediaReceive, capabilities.MaxTextLength, capabilities.Markup),
            new ChannelStatusResponse(status.State, status.Enabled, status.LastError, status.Restarts, status.StartedAt, status.LastActivity));
    }
}
