using System.IO.Compression;
using System.Security.Cryptography;

namespace GAgent.WebUI;

/// <summary>One embedded file of the SPA with its content hash and its brotli/gzip forms, each computed once.</summary>
internal sealed class WebAsset
{
    private readonly Lazy<byte[]?> _brotli;
    private readonly Lazy<byte[]?> _gzip;

    public WebAsset(string path, string contentType, byte[] content, bool immutable)
    {
        Path = path;
        ContentType = contentType;
        Content = content;
        Immutable = immutable;
        var hash = Convert.ToBase64String(SHA256.HashData(content), 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        ETag = "\"" + hash + "\"";
        BrotliETag = "\"" + hash + "-br\"";
        GzipETag = "\"" + hash + "-gz\"";
        var compressible = IsCompressible(contentType) && content.Length > 256;
        _brotli = new Lazy<byte[]?>(() => compressible ? Smaller(Compress(content, static s => new BrotliStream(s, CompressionLevel.SmallestSize, leaveOpen: true)), content) : null);
        _gzip = new Lazy<byte[]?>(() => compressible ? Smaller(Compress(content, static s => new GZipStream(s, CompressionLevel.SmallestSize, leaveOpen: true)), content) : null);
    }

    /// <summary>The path relative to the UI root, with forward slashes (e.g. <c>assets/index-3f2a.js</c>).</summary>
    public string Path { get; }

    public string ContentType { get; }

    public byte[] Content { get; }

    /// <summary>True for content-hashed files, which may be cached forever.</summary>
    public bool Immutable { get; }

    public string ETag { get; }

    public string BrotliETag { get; }

    public string GzipETag { get; }

    /// <summary>The brotli form, or null when compression does not pay off.</summary>
    public byte[]? Brotli => _brotli.Value;

    /// <summary>The gzip form, or null when compression does not pay off.</summary>
    public byte[]? Gzip => _gzip.Value;

    private static bool IsCompressible(string contentType)
        => contentType.StartsWith("text/", StringComparison.Ordinal)
            || contentType.StartsWith("application/javascript", StringComparison.Ordinal)
            || contentType.StartsWith("application/json", StringComparison.Ordinal)
            || contentType.StartsWith("application/manifest+json", StringComparison.Ordinal)
            || contentType.StartsWith("image/svg+xml", StringComparison.Ordinal);

    private static byte[] Compress(byte[] content, Func<Stream, Stream> encoder)
    {
        using var output = new MemoryStream();
        using (var stream = encoder(output))
        {
            stream.Write(content);
        }

        return output.ToArray();
    }

    private static byte[]? Smaller(byte[] compressed, byte[] original) => compressed.Length < original.Length * 9 / 10 ? compressed : null;
}
