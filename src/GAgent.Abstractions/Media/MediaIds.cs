using System.Buffers;

namespace GAgent.Media;

/// <summary>Media ids: the 64 lowercase hexadecimal digits of the content's SHA-256, so an id can never name a path.</summary>
public static class MediaIds
{
    /// <summary>The length of every media id.</summary>
    public const int Length = 64;

    private static readonly SearchValues<char> s_hex = SearchValues.Create("0123456789abcdef");

    /// <summary>True when <paramref name="id"/> is a well-formed media id.</summary>
    public static bool IsValid(string? id) => id is { Length: Length } && !id.AsSpan().ContainsAnyExcept(s_hex);

    /// <summary>The id of content with the given SHA-256.</summary>
    public static string FromHash(ReadOnlySpan<byte> sha256) => Convert.ToHexStringLower(sha256);
}
