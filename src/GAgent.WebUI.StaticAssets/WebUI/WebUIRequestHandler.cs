using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Net.Http.Headers;

namespace GAgent.WebUI;

/// <summary>Answers the UI's requests from <see cref="WebAssetCatalog"/>: files, conditional requests, compression, the SPA fallback.</summary>
internal sealed class WebUIRequestHandler(string uiPath)
{
    public const string RouteValueName = "gagentWebUIPath";

    /// <summary>The Content-Security-Policy of every UI response: no inline scripts, API and WebSocket on this origin only.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self' ws: wss:; " +
        "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; manifest-src 'self'; worker-src 'self'";

    private const int MaxIndexVariants = 32;
    private readonly ConcurrentDictionary<string, WebAsset> _indexVariants = new(StringComparer.Ordinal);

    public Task HandleAsync(HttpContext context)
    {
        var path = context.Request.RouteValues[RouteValueName] as string ?? string.Empty;
        var asset = path.Length == 0 || path == WebAssetCatalog.IndexPath ? null : WebAssetCatalog.Find(path);
        if (asset is null)
        {
            var lastSegment = path[(path.LastIndexOf('/') + 1)..];
            if (path != WebAssetCatalog.IndexPath && lastSegment.Contains('.', StringComparison.Ordinal))
            {
                // A missing file (a stale hashed asset, a typo) is a plain 404, never the SPA's HTML.
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"The web UI has no file '{path}'.").ExecuteAsync(context);
            }

            asset = Index(context, path);
            if (asset is null)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "The web UI was built without an index.html.").ExecuteAsync(context);
            }
        }

        return WriteAsync(context, asset);
    }

    private WebAsset? Index(HttpContext context, string path)
    {
        var template = WebAssetCatalog.Find(WebAssetCatalog.IndexPath);
        if (template is null)
        {
            return null;
        }

        // The UI's root as the browser sees it (path base + group prefix + UI path), and the API's root (the same
        // without the UI path): given to the page so relative asset URLs and API calls work at any depth and prefix.
        var requestPath = context.Request.PathBase.Add(context.Request.Path).Value ?? "/";
        var root = path.Length > 0 && requestPath.EndsWith(path, StringComparison.Ordinal) ? requestPath[..^path.Length] : requestPath;
        if (!root.EndsWith('/'))
        {
            root += "/";
        }

        var apiRoot = uiPath.Length > 0 && root.EndsWith(uiPath + "/", StringComparison.OrdinalIgnoreCase) ? root[..^uiPath.Length] : root;
        var key = root + "\n" + apiRoot;
        if (_indexVariants.TryGetValue(key, out var cached))
        {
            return cached;
        }

        // Inserted right after <meta charset> (or <head>), before any relative URL the base must apply to.
        var html = Encoding.UTF8.GetString(template.Content);
        var tags = $"\n    <base href=\"{WebUtility.HtmlEncode(root)}\">\n    <meta name=\"gagent-api-base\" content=\"{WebUtility.HtmlEncode(apiRoot)}\">";
        var at = html.IndexOf("<meta charset", StringComparison.OrdinalIgnoreCase);
        at = at < 0 ? html.IndexOf("<head>", StringComparison.OrdinalIgnoreCase) : at;
        at = at < 0 ? -1 : html.IndexOf('>', at) + 1;
        var rewritten = at <= 0 ? html : string.Concat(html.AsSpan(0, at), tags, html.AsSpan(at));
        var asset = new WebAsset(WebAssetCatalog.IndexPath, template.ContentType, Encoding.UTF8.GetBytes(rewritten), immutable: false);
        if (_indexVariants.Count < MaxIndexVariants)
        {
            _indexVariants.TryAdd(key, asset);
        }

        return asset;
    }

    private static Task WriteAsync(HttpContext context, WebAsset asset)
    {
        var (body, etag, encoding) = ChooseEncoding(context.Request.GetTypedHeaders(), asset);
        var response = context.Response;
        var headers = response.Headers;
        headers.ETag = etag;
        headers.CacheControl = asset.Immutable ? "public, max-age=31536000, immutable" : "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "same-origin";
        if (asset.Brotli is not null || asset.Gzip is not null)
        {
            headers.Vary = "Accept-Encoding";
        }

        if (IsNotModified(context.Request.GetTypedHeaders(), etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = asset.ContentType;
        response.ContentLength = body.Length;
        if (encoding is not null)
        {
            headers.ContentEncoding = encoding;
        }

        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    private static (byte[] Body, string ETag, string? Encoding) ChooseEncoding(RequestHeaders request, WebAsset asset)
    {
        if (asset.Brotli is null && asset.Gzip is null)
        {
            return (asset.Content, asset.ETag, null);
        }

        double brotli = 0, gzip = 0;
        foreach (var value in request.AcceptEncoding)
        {
            var quality = value.Quality ?? 1;
            if (value.Value.Equals("br", StringComparison.OrdinalIgnoreCase))
            {
                brotli = quality;
            }
            else if (value.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase))
            {
                gzip = quality;
            }
        }

        if (asset.Brotli is not null && brotli > 0 && brotli >= gzip)
        {
            return (asset.Brotli, asset.BrotliETag, "br");
        }

        if (asset.Gzip is not null && gzip > 0)
        {
            return (asset.Gzip, asset.GzipETag, "gzip");
        }

        return (asset.Content, asset.ETag, null);
    }

    private static bool IsNotModified(RequestHeaders request, string etag)
    {
        foreach (var candidate in request.IfNoneMatch)
        {
            if (candidate.Equals(EntityTagHeaderValue.Any) || string.Equals(candidate.Tag.Value, etag, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
