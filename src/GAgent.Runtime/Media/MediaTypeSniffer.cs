using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace GAgent.Media;

/// <summary>
/// Decides a file's media type from its bytes: magic numbers for png, jpeg, gif, webp and pdf; text (plain, markdown,
/// csv, json) when the whole file is valid UTF-8 without NUL bytes, told apart by the declared extension. Markup that
/// browsers run (SVG, HTML, XML), executables and scripts are detected and refused. A declared Content-Type is never
/// consulted. Feed the bytes in order with <see cref="Append"/>, then call <see cref="Complete"/>; one instance per file.
/// </summary>
public sealed class MediaTypeSniffer
{
    private const int HeadSize = 1024;

    private readonly byte[] _head = new byte[HeadSize];
    private readonly byte[] _carry = new byte[4];
    private int _headLength;
    private int _carryLength;
    private bool _notText;

    /// <summary>The media types a store accepts.</summary>
    public static IReadOnlyList<string> AllowedMediaTypes { get; } =
        ["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/plain", "text/markdown", "text/csv", "application/json"];

    /// <summary>How many bytes were appended.</summary>
    public long Length { get; private set; }

    /// <summary>Sniffs a whole stream (read to its end).</summary>
    public static async ValueTask<MediaSniffResult> SniffAsync(Stream content, string? fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var sniffer = new MediaTypeSniffer();
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                sniffer.Append(buffer.AsSpan(0, read));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return sniffer.Complete(fileName);
    }

    /// <summary>Sniffs bytes already in memory.</summary>
    public static MediaSniffResult Sniff(ReadOnlySpan<byte> content, string? fileName)
    {
        var sniffer = new MediaTypeSniffer();
        sniffer.Append(content);
        return sniffer.Complete(fileName);
    }

    /// <summary>Feeds the next bytes of the file.</summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (_headLength < HeadSize)
        {
            var take = Math.Min(HeadSize - _headLength, bytes.Length);
            bytes[..take].CopyTo(_head.AsSpan(_headLength));
            _headLength += take;
        }

        Length += bytes.Length;
        if (!_notText)
        {
            ValidateText(bytes);
        }
    }

    /// <summary>Decides the type once every byte was appended. <paramref name="fileName"/> is the declared name; only its extension is used, to tell text types apart.</summary>
    public MediaSniffResult Complete(string? fileName)
    {
        var head = _head.AsSpan(0, _headLength);
        if (Binary(head) is { } binary)
        {
            return binary;
        }

        if (_notText || _carryLength > 0 || Length == 0)
        {
            return new MediaSniffResult("application/octet-stream", false);
        }

        if (Markup(head) is { } markup)
        {
            return markup;
        }

        var extension = Path.GetExtension(MediaFileNames.Sanitize(fileName)).ToLowerInvariant();
        return extension switch
        {
            ".md" or ".markdown" => new MediaSniffResult("text/markdown", true),
            ".csv" => new MediaSniffResult("text/csv", true),
            ".json" => new MediaSniffResult("application/json", true),
            ".svg" or ".svgz" => new MediaSniffResult("image/svg+xml", false),
            ".html" or ".htm" or ".xhtml" or ".shtml" => new MediaSniffResult("text/html", false),
            ".xml" or ".xsl" or ".xslt" => new MediaSniffResult("application/xml", false),
            ".js" or ".mjs" => new MediaSniffResult("text/javascript", false),
            _ => new MediaSniffResult("text/plain", true),
        };
    }

    private static MediaSniffResult? Binary(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return new MediaSniffResult("image/png", true);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return new MediaSniffResult("image/jpeg", true);
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return new MediaSniffResult("image/gif", true);
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return new MediaSniffResult("image/webp", true);
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return new MediaSniffResult("application/pdf", true);
        }

        if (head.StartsWith("MZ"u8))
        {
            return new MediaSniffResult("application/x-msdownload", false);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x7F, 0x45, 0x4C, 0x46]))
        {
            return new MediaSniffResult("application/x-elf", false);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xED, 0xFA, 0xCE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xED, 0xFA, 0xCF])
            || head.StartsWith((ReadOnlySpan<byte>)[0xCE, 0xFA, 0xED, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xCF, 0xFA, 0xED, 0xFE])
            || head.StartsWith((ReadOnlySpan<byte>)[0xCA, 0xFE, 0xBA, 0xBE]))
        {
            return new MediaSniffResult("application/x-mach-binary", false);
        }

        return null;
    }

    // Browsers render markup as active content whatever the server says when a link is opened outside GAgent's
    // headers, so any text starting with a tag is refused rather than guessed at.
    private static MediaSniffResult? Markup(ReadOnlySpan<byte> head)
    {
        var text = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? head[3..] : head;
        text = text.TrimStart(" \t\r\n\f"u8);
        if (text.StartsWith("#!"u8))
        {
            return new MediaSniffResult("text/x-shellscript", false);
        }

        if (text.IsEmpty || text[0] != (byte)'<')
        {
            return null;
        }

        var lower = Encoding.UTF8.GetString(head).ToLowerInvariant();
        if (lower.Contains("<svg", StringComparison.Ordinal))
        {
            return new MediaSniffResult("image/svg+xml", false);
        }

        return text.StartsWith("<?xml"u8) && !lower.Contains("<html", StringComparison.Ordinal)
            ? new MediaSniffResult("application/xml", false)
            : new MediaSniffResult("text/html", false);
    }

    private void ValidateText(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Contains((byte)0))
        {
            _notText = true;
            return;
        }

        var total = _carryLength + bytes.Length;
        var combined = ArrayPool<byte>.Shared.Rent(total);
        var chars = ArrayPool<char>.Shared.Rent(total);
        try
        {
            _carry.AsSpan(0, _carryLength).CopyTo(combined);
            bytes.CopyTo(combined.AsSpan(_carryLength));
            var status = Utf8.ToUtf16(combined.AsSpan(0, total), chars.AsSpan(0, total), out var read, out _, replaceInvalidSequences: false, isFinalBlock: false);
            switch (status)
            {
                case OperationStatus.Done:
                    _carryLength = 0;
                    break;
                case OperationStatus.NeedMoreData:
                    _carryLength = total - read;
                    combined.AsSpan(read, _carryLength).CopyTo(_carry);
                    break;
                default:
                    _notText = true;
                    break;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(combined);
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
