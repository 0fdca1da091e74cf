using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace GAgent.WebUI;

/// <summary>The SPA files embedded in this assembly (resources named <c>GAgent.WebUI/&lt;path&gt;</c>), loaded once.</summary>
internal static partial class WebAssetCatalog
{
    public const string ResourcePrefix = "GAgent.WebUI/";
    public const string IndexPath = "index.html";

    private static readonly Lazy<FrozenDictionary<string, WebAsset>> Assets = new(Load);

    public static FrozenDictionary<string, WebAsset> All => Assets.Value;

    public static WebAsset? Find(string path) => Assets.Value.GetValueOrDefault(path);

    public static string ContentTypeFor(string path) => System.IO.Path.GetExtension(path).ToUpperInvariant() switch
    {
        ".HTML" => "text/html; charset=utf-8",
        ".JS" or ".MJS" => "application/javascript; charset=utf-8",
        ".CSS" => "text/css; charset=utf-8",
        ".JSON" => "application/json; charset=utf-8",
        ".WEBMANIFEST" => "application/manifest+json; charset=utf-8",
        ".SVG" => "image/svg+xml",
        ".PNG" => "image/png",
        ".ICO" => "image/x-icon",
        ".WOFF2" => "font/woff2",
        ".TXT" => "text/plain; charset=utf-8",
        ".MAP" => "application/json; charset=utf-8",
        _ => "application/octet-stream",
    };

    private static FrozenDictionary<string, WebAsset> Load()
    {
        var assembly = typeof(WebAssetCatalog).Assembly;
        var assets = new Dictionary<string, WebAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var path = name[ResourcePrefix.Length..];
            assets[path] = new WebAsset(path, ContentTypeFor(path), buffer.ToArray(), HashedName().IsMatch(path));
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    // Vite names built files assets/<name>-<8+ char hash>.<ext>.
    [GeneratedRegex(@"^assets/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex HashedName();
}
