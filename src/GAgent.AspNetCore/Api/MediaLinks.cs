using GAgent.Media;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GAgent.AspNetCore.Api;

/// <summary>Builds signed media URLs relative to the app's path base, wherever the media endpoint is mapped.</summary>
internal static class MediaLinks
{
    public const string EndpointName = "GAgentGetMedia";

    public static string SignedUrl(HttpContext context, string mediaId)
    {
        var services = context.RequestServices;
        var signer = services.GetRequiredService<MediaUrlSigner>();
        var lifetime = services.GetRequiredService<IOptions<GAgentServerOptions>>().Value.Media.UrlLifetime;
        var path = services.GetRequiredService<LinkGenerator>().GetPathByName(context, EndpointName, new RouteValueDictionary { ["id"] = mediaId })
            ?? $"{context.Request.PathBase}/api/media/{mediaId}";
        return path + signer.CreateQuery(mediaId, lifetime);
    }
}
