namespace GAgent.Media;

/// <summary>A stored file's metadata.</summary>
public sealed record MediaInfo
{
    /// <summary>The id, derived from the content's SHA-256 (see <see cref="MediaIds"/>).</summary>
    public required string Id { get; init; }

    /// <summary>The media type sniffed from the bytes, e.g. <c>image/png</c> or <c>text/markdown</c>.</summary>
    public required string MediaType { get; init; }

    /// <summary>The size in bytes.</summary>
    public required long Size { get; init; }

    /// <summary>The sanitized file name the first upload declared (never a path).</summary>
    public required string FileName { get; init; }

    /// <summary>When the bytes were first stored.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The SHA-256 of the content, lowercase hexadecimal.</summary>
    public required string Sha256 { get; init; }
}
