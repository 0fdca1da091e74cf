using System.Collections.Concurrent;

namespace GAgent.Media;

/// <summary>Keeps media in memory (tests, throwaway hosts); everything is lost when the process ends.</summary>
public sealed class InMemoryMediaStore : IMediaStore
{
    private readonly ConcurrentDictionary<string, (MediaInfo Info, byte[] Bytes)> _items = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    /// <summary>Creates the store.</summary>
    public InMemoryMediaStore(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    /// <inheritdoc />
    public async ValueTask<MediaInfo> SaveAsync(Stream content, string? fileName, long maxBytes, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        var intake = await MediaIntake.CopyAsync(content, buffer, fileName, maxBytes, cancellationToken).ConfigureAwait(false);
        var info = new MediaInfo
        {
            Id = intake.Id,
            MediaType = intake.MediaType,
            Size = intake.Size,
            FileName = MediaFileNames.Sanitize(fileName),
            CreatedAt = _time.GetUtcNow(),
            Sha256 = intake.Id,
        };
        return _items.GetOrAdd(intake.Id, (info, buffer.ToArray())).Info;
    }

    /// <inheritdoc />
    public ValueTask<MediaInfo?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(id is not null && _items.TryGetValue(id, out var item) ? item.Info : null);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<MediaInfo>> GetManyAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        IReadOnlyList<MediaInfo> found = [.. ids.Where(id => id is not null && _items.ContainsKey(id)).Select(id => _items[id].Info)];
        return ValueTask.FromResult(found);
    }

    /// <inheritdoc />
    public ValueTask<Stream> OpenReadAsync(string id, CancellationToken cancellationToken = default) =>
        id is not null && _items.TryGetValue(id, out var item)
            ? ValueTask.FromResult<Stream>(new MemoryStream(item.Bytes, writable: false))
            : throw new MediaNotFoundException(id ?? string.Empty);

    /// <inheritdoc />
    public ValueTask<bool> DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(id is not null && _items.TryRemove(id, out _));
}
