using System.Buffers;
using System.Text.Json;
using GAgent.Storage;
using Microsoft.Win32.SafeHandles;

namespace GAgent.Sessions;

/// <summary>File operations on session JSONL files and sidecars that do not depend on a store's state.</summary>
internal static class JsonlFile
{
    public const int ChunkSize = 64 * 1024;
    private const byte NewLine = (byte)'\n';

    public static SafeFileHandle OpenForRead(string path) =>
        File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

    public static SafeFileHandle OpenForWrite(string path) =>
        File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);

    /// <summary>Creates the file with its header line and fsyncs it through <paramref name="sync"/>; returns its length.</summary>
    /// <exception cref="IOException">The file exists.</exception>
    public static async Task<long> CreateAsync(string path, SessionHeaderRecord header, FileSync sync)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        SessionJson.WriteLines(buffer, [header], SessionJson.Header);
        using var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete);
        RandomAccess.Write(handle, buffer.WrittenSpan, 0);
        await sync.FlushAsync(handle).ConfigureAwait(false);
        return buffer.WrittenCount;
    }

    /// <summary>True when the file is at least <paramref name="length"/> bytes long and its byte at <c>length - 1</c> is '\n'.</summary>
    public static async ValueTask<bool> EndsLineAtAsync(SafeFileHandle handle, long length, CancellationToken cancellationToken)
    {
        if (length < 1)
        {
            return false;
        }

        var buffer = new byte[1];
        var read = await RandomAccess.ReadAsync(handle, buffer, length - 1, cancellationToken).ConfigureAwait(false);
        return read == 1 && buffer[0] == NewLine;
    }

    /// <summary>Reads and parses the header line, or returns null when the file does not start with one.</summary>
    public static async ValueTask<SessionHeaderRecord?> ReadHeaderAsync(SafeFileHandle handle, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            var read = await RandomAccess.ReadAsync(handle, buffer.AsMemory(0, ChunkSize), 0, cancellationToken);
            var end = buffer.AsSpan(0, read).IndexOf(NewLine);
            if (end < 0)
            {
                return null;
            }

            var header = JsonSerializer.Deserialize(buffer.AsSpan(0, end), SessionJson.Header);
            return header is { Format: SessionHeaderRecord.FormatName } ? header : null;
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Counts the complete lines of the whole file. A last line without '\n', or whose JSON does not parse, is a torn
    /// write and is left out of both the count and <see cref="JsonlScan.ValidLength"/>.
    /// </summary>
    public static ValueTask<JsonlScan> ScanAsync(SafeFileHandle handle, CancellationToken cancellationToken)
        => ScanAsync(handle, 0, cancellationToken);

    /// <summary>
    /// Counts the complete lines from <paramref name="from"/> (0, or just after a '\n') to the end of the file, reading
    /// nothing before it; torn last lines are left out as by the whole-file scan. A scan from 0 counts the header line,
    /// but does not check that it parses; any other scan starts after the header and checks its last line.
    /// </summary>
    public static async ValueTask<JsonlScan> ScanAsync(SafeFileHandle handle, long from, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        var length = RandomAccess.GetLength(handle);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        long lines = 0, lastNewLine = from - 1, previousNewLine = from - 1;
        try
        {
            for (var position = from; position < length;)
            {
                var read = await RandomAccess.ReadAsync(handle, buffer.AsMemory(0, ChunkSize), position, cancellationToken);
                if (read == 0)
                {
                    break;
                }

                var chunk = buffer.AsSpan(0, read);
                var count = chunk.Count(NewLine);
                if (count > 0)
                {
                    var last = chunk.LastIndexOf(NewLine);
                    previousNewLine = count > 1 ? position + chunk[..last].LastIndexOf(NewLine) : lastNewLine;
                    lastNewLine = position + last;
                    lines += count;
                }

                position += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (lines >= (from == 0 ? 2 : 1) && !await IsJsonLineAsync(handle, previousNewLine + 1, lastNewLine, cancellationToken))
        {
            return new JsonlScan(lines - 1, previousNewLine + 1);
        }

        return new JsonlScan(lines, lastNewLine + 1);
    }

    /// <summary>True when the bytes form exactly one complete JSON value.</summary>
    public static bool IsCompleteJson(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read())
            {
                return false;
            }

            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static async ValueTask<bool> IsJsonLineAsync(SafeFileHandle handle, long start, long end, CancellationToken cancellationToken)
    {
        var length = checked((int)(end - start));
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var read = await RandomAccess.ReadAsync(handle, buffer.AsMemory(0, length), start, cancellationToken);
            return read == length && IsCompleteJson(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
