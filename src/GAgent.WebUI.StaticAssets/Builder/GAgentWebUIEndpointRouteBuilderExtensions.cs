using GAgent.WebUI;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the GAgent web control room (the SPA embedded in GAgent.WebUI.StaticAssets).</summary>
public static class GAgentWebUIEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves the web UI at <paramref name="path"/> (default <c>/</c>) for GET and HEAD, without an API key (the files hold
    /// no secrets; the API calls behind them keep their access checks). The UI calls the GAgent API at the root of the
    /// same route group (where <c>MapGAgentEndpoints()</c> puts it). Files carry strong ETags, are brotli/gzip
    /// compressed by <c>Accept-Encoding</c>, hashed assets are cached as immutable and <c>index.html</c> as
    /// <c>no-cache</c>, every response has a Content-Security-Policy and <c>nosniff</c>. Unknown paths without a file
    /// extension answer <c>index.html</c> (the SPA fallback); paths under <c>/api</c>, <c>/v1</c>, <c>/health</c>,
    /// <c>/status</c> are never answered by the UI, and missing files are a ProblemDetails 404.
    /// </summary>
    /// <param name="endpoints">The app or a route group.</param>
    /// <param name="path">Where the UI lives, relative to <paramref name="endpoints"/>: <c>/</c> or a path such as <c>/ui</c>.</param>
    /// <returns>A convention builder for the UI's endpoint.</returns>
    public static IEndpointConventionBuilder MapGAgentWebUI(this IEndpointRouteBuilder endpoints, string path = "/")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(path);
        var normalized = path.Trim().Trim('/');
        if (normalized.Contains('{', StringComparison.Ordinal) || normalized.Contains('}', StringComparison.Ordinal) || normalized.Contains('*', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The web UI path must be a literal path such as \"/\" or \"/ui\"; got \"{path}\".", nameof(path));
        }

        var uiPath = normalized.Length == 0 ? string.Empty : "/" + normalized;
        var pattern = RoutePatternFactory.Parse(
            uiPath + "/{**" + WebUIRequestHandler.RouteValueName + "}",
            defaults: null,
            parameterPolicies: new RouteValueDictionary { [WebUIRequestHandler.RouteValueName] = new WebUIPathConstraint() });
        var handler = new WebUIRequestHandler(uiPath);
        return endpoints.Map(pattern, handler.HandleAsync)
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
            .WithDisplayName("GAgent web UI");
    }
}
