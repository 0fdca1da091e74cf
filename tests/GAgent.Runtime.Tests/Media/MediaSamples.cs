namespace GAgent.Runtime.Tests.Media;

/// <summary>Small files of each kind, built from their magic numbers.</summary>
internal static class MediaSamples
{
    public static byte[] Png { get; } = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 1, 2, 3];

    public static byte[] Jpeg { get; } = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0];

    public static byte[] Gif { get; } = [.. "GIF89a"u8, 1, 0, 1, 0, 0];

    public static byte[] Webp { get; } = [.. "RIFF"u8, 20, 0, 0, 0, .. "WEBPVP8 "u8, 0, 0];

    public static byte[] Pdf { get; } = [.. "%PDF-1.7\n%\xE2\xE3\n1 0 obj\n"u8];

    public static byte[] Exe { get; } = [.. "MZ"u8, 0x90, 0, 3, 0, 0, 0];

    public static byte[] Elf { get; } = [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0];

    public static byte[] Text(string text) => System.Text.Encoding.UTF8.GetBytes(text);
}
