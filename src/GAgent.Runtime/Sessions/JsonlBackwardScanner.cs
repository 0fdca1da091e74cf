using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace GAgent.Sessions;

/// <summary>
/// Locates message lines by reading a JSONL file backwards in <see cref="JsonlFile.ChunkSize"/> chunks from a known line
/// boundary, so a page near the end costs a few chunks however long the session is. Message <c>i</c> is line
/// <c>i + 1</c> (line 0 is the header), and every line ends with '\n'.
/// </summary>
internal sealed class JsonlBackwardScanner(SafeFileHandle handle) : IDisposable
{
    private const byte NewLine = (byte)'\n';
    private readonly byte[] _window = ArrayPool<byte>.Shared.Rent(JsonlFile.ChunkSize);
    private long _windowStart;
    private int _windowLength;

    /// <summary>Bytes read from the file so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>
    /// Returns the start offsets of messages <paramref name="start"/> to <paramref name="end"/> (inclusive; the last is the
    /// end of message <c>end - 1</c>), scanning back from message <paramref name="knownIndex"/> which starts at
    /// <paramref name="knownOffset"/>. Offsets that could not be found (a damaged file) are -1.
    /// </summary>
    public async ValueTask<long[]> LocateAsync(long start, long end, long knownIndex, long knownOffset, CancellationToken cancellationToken)
    {
        var offsets = new long[end - start + 1];
        Array.Fill(offsets, -1);
        if (knownIndex <= end)
        {
            offsets[knownIndex - start] = knownOffset;
        }

        // Start with the chunk that ends at the known boundary, so a page that fits in one chunk is read exactly once.
        if (knownIndex > start && knownOffset > 0)
        {
            await LoadWindowEndingAtAsync(knownOffset, cancellationToken);
        }

        // The '\n' just before knownOffset ends message knownIndex - 1; the one before that ends the line preceding it.
        var searchEnd = knownOffset - 1;
        for (var index = knownIndex; index > start; index--)
        {
            var newLine = await FindPreviousNewLineAsync(searchEnd, cancellationToken);
            if (newLine < 0)
            {
                break;
            }

            if (index - 1 <= end)
            {
                offsets[index - 1 - start] = newLine + 1;
            }

            searchEnd = newLine;
        }

        return offsets;
    }

    /// <summary>The bytes [start, end) when the last chunk read holds them all (the usual case for a tail page).</summary>
    public bool TryGetBuffered(long start, long end, out ReadOnlyMemory<byte> bytes)
    {
        if (start >= _windowStart && end <= _windowStart + _windowLength)
        {
            bytes = _window.AsMemory((int)(start - _windowStart), (int)(end - start));
            return true;
        }

        bytes = default;
        return false;
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(_window);

    /// <summary>The position of the last '\n' before <paramref name="limit"/>, or -1 when there is none.</summary>
    private async ValueTask<long> FindPreviousNewLineAsync(long limit, CancellationToken cancellationToken)
    {
        while (limit > 0)
        {
            if (limit <= _windowStart || limit > _windowStart + _windowLength)
            {
                await LoadWindowEndingAtAsync(limit, cancellationToken);
            }

            var found = _window.AsSpan(0, (int)(limit - _windowStart)).LastIndexOf(NewLine);
            if (found >= 0)
            {
                return _windowStart + found;
            }

            limit = _windowStart;
        }

        return -1;
    }

    private async ValueTask LoadWindowEndingAtAsync(long end, CancellationToken cancellationToken)
    {
        var start = Math.Max(0, end - JsonlFile.ChunkSize);
        var length = (int)(end - start);
        var read = await RandomAccess.ReadAsync(handle, _window.AsMemory(0, length), start, cancellationToken);
        BytesRead += read;
        if (read != length)
        {
            throw new IOException("The session file is shorter than its recorded length.");
        }

        (_windowStart, _windowLength) = (start, length);
    }
}
