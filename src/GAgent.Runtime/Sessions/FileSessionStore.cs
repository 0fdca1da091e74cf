using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using GAgent.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Win32.SafeHandles;

namespace GAgent.Sessions;

/// <summary>
/// The default <see cref="ISessionStore"/>: one append-only JSONL file per session (<c>{id}.jsonl</c>: a header line, then
/// one message per line) and a small metadata sidecar (<c>{id}.meta.json</c>) that listings read. Appends are single
/// writes that a crash can only tear at the end, and a torn last line is ignored and later truncated away; pages of
/// messages are found by reading the file backwards from its end.
/// </summary>
/// <remarks>
/// A flush fsyncs only the JSONL file, on a few dedicated threads so that many sessions' fsyncs are batched by the
/// file system. Title, pin and profile are written to the sidecar durably at once; its count, length and update time
/// are a cache that is rewritten at most every few seconds and when the store is disposed, and that a load after an
/// unclean stop completes by reading only the lines after the length it records. Dispose the store (the host's
/// service provider does) so a restart finds every sidecar current.
/// </remarks>
public sealed class FileSessionStore : ISessionStore, IAsyncDisposable, IDisposable
{
    private const string JsonlExtension = ".jsonl";
    private const string MetaExtension = ".meta.json";

    /// <summary>How long a flush lets the sidecar's count, length and update time lag behind the file.</summary>
    internal static readonly TimeSpan SidecarLagBound = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, FileSessionEntry> _sessions = new(StringComparer.Ordinal);
    private readonly SessionIndex _index = new();
    private readonly FileSync _fileSync;
    private readonly Lock _loadSync = new();
    private readonly string _directory;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private Task? _load;
    private long _bytesRead;
    private int _disposed;

    /// <summary>Creates a store over <paramref name="directory"/>; the directory is created and read on first use.</summary>
    /// <param name="directory">Where the session files live.</param>
    /// <param name="timeProvider">The clock for created and updated times; the system clock when null.</param>
    /// <param name="logger">Receives recovery warnings; nothing is logged when null.</param>
    public FileSessionStore(string directory, TimeProvider? timeProvider = null, ILogger<FileSessionStore>? logger = null)
        : this(directory, timeProvider, logger, FileSync.DefaultThreads)
    {
    }

    /// <summary>Creates a store whose fsyncs run on up to <paramref name="syncThreads"/> threads (benchmarks compare counts).</summary>
    internal FileSessionStore(string directory, TimeProvider? timeProvider, ILogger<FileSessionStore>? logger, int syncThreads)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        _directory = Path.GetFullPath(directory);
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger<FileSessionStore>.Instance;
        _fileSync = new FileSync(syncThreads, "GAgent session fsync");
    }

    /// <summary>Bytes read from message files by <see cref="ReadMessagesAsync"/>, so tests can show tail reads stay small.</summary>
    internal long BytesRead => Interlocked.Read(ref _bytesRead);

    /// <inheritdoc />
    public async ValueTask<SessionPage> ListAsync(SessionQuery query, CancellationToken cancellationToken = default)
    {
        SessionListing.Validate(query);
        await EnsureLoadedAsync(cancellationToken);
        return SessionListing.Page(_index, query);
    }

    /// <inheritdoc />
    public async ValueTask<SessionInfo> CreateAsync(NewSession session, CancellationToken cancellationToken = default)
    {
        var info = SessionInfoChanges.Create(session, _time.GetUtcNow());
        await EnsureLoadedAsync(cancellationToken);
        var entry = new FileSessionEntry(new FileSessionSnapshot(info, 0));
        await entry.Gate.WaitAsync(cancellationToken);
        try
        {
            if (!_sessions.TryAdd(info.Id, entry))
            {
                throw new SessionAlreadyExistsException(info.Id);
            }

            // Past this point the files are written to the end, so a cancelled call cannot leave half a session behind.
            await CreateFilesAsync(entry, info);
            return info;
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask<SessionInfo?> GetAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        if (!SessionIds.IsValid(sessionId))
        {
            return null;
        }

        await EnsureLoadedAsync(cancellationToken);
        return _sessions.TryGetValue(sessionId, out var entry) ? entry.Snapshot.Info : null;
    }

    /// <inheritdoc />
    public async ValueTask<SessionInfo> AppendAsync(string sessionId, IReadOnlyList<StoredMessage> messages, CancellationToken cancellationToken = default)
    {
        SessionInfoChanges.ValidateMessages(messages);
        var entry = await FindAsync(sessionId, cancellationToken);
        var buffer = new ArrayBufferWriter<byte>(4096);
        SessionJson.WriteLines(buffer, messages.Select(StoredMessageRecord.From), SessionJson.Message);

        await entry.Gate.WaitAsync(cancellationToken);
        try
        {
            ThrowIfDeleted(entry);
            if (messages.Count == 0)
            {
                return entry.Snapshot.Info;
            }

            using var handle = JsonlFile.OpenForWrite(JsonlPath(entry.Id));
            var snapshot = await PrepareForAppendAsync(entry, handle, cancellationToken);
            if (entry.SidecarUntrusted)
            {
                await PersistAsync(entry, writeSidecar: true);
            }

            // A small write into the page cache: done in place rather than queued to another thread.
            cancellationToken.ThrowIfCancellationRequested();
            RandomAccess.Write(handle, buffer.WrittenSpan, snapshot.Length);
            var info = SessionInfoChanges.Appended(snapshot.Info, messages.Count, _time.GetUtcNow());
            Commit(entry, new FileSessionSnapshot(info, snapshot.Length + buffer.WrittenCount));
            entry.Unsynced = true;
            entry.SidecarLags = true;
            _logger.MessagesAppended(entry.Id, messages.Count, buffer.WrittenCount);
            return info;
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask FlushAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        var entry = await FindAsync(sessionId, cancellationToken);
        await entry.Gate.WaitAsync(cancellationToken);
        try
        {
            ThrowIfDeleted(entry);
            await PersistAsync(entry, writeSidecar: entry.SidecarUntrusted || _time.GetUtcNow() - entry.SidecarWrittenAt >= SidecarLagBound);
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask<SessionInfo> UpdateAsync(string sessionId, SessionPatch patch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var entry = await FindAsync(sessionId, cancellationToken);
        await entry.Gate.WaitAsync(cancellationToken);
        try
        {
            ThrowIfDeleted(entry);
            var snapshot = entry.Snapshot;
            var info = SessionInfoChanges.Patched(snapshot.Info, patch, _time.GetUtcNow());
            Commit(entry, snapshot with { Info = info });
            entry.SidecarLags = true;

            // Title, pin and profile live only in the sidecar, so it is written durably before the call returns.
            await PersistAsync(entry, writeSidecar: true);
            return info;
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask<bool> DeleteAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        if (!SessionIds.IsValid(sessionId))
        {
            return false;
        }

        await EnsureLoadedAsync(cancellationToken);
        if (!_sessions.TryGetValue(sessionId, out var entry))
        {
            return false;
        }

        await entry.Gate.WaitAsync(cancellationToken);
        try
        {
            if (entry.Deleted)
            {
                return false;
            }

            // The JSONL goes first: without it the session is gone, and a leftover sidecar is ignored on load.
            File.Delete(JsonlPath(sessionId));
            entry.Deleted = true;

            // Unlisted before the id is freed, so a session created again under it is never unlisted by this delete.
            _index.Remove(sessionId);
            _sessions.TryRemove(new KeyValuePair<string, FileSessionEntry>(sessionId, entry));
            DeleteSidecar(sessionId);
            return true;
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask<MessagePage> ReadMessagesAsync(string sessionId, MessageQuery query, CancellationToken cancellationToken = default)
    {
        MessagePaging.ValidateLimit(query);
        var entry = await FindAsync(sessionId, cancellationToken);

        // Only what was committed when the read began is read; concurrent appends write beyond it.
        var snapshot = entry.Snapshot;
        var count = snapshot.Info.MessageCount;
        var (start, end) = MessagePaging.Range(query, count);
        if (start == end)
        {
            return new MessagePage { Items = [], FirstIndex = start, TotalCount = count };
        }

        try
        {
            using var handle = JsonlFile.OpenForRead(JsonlPath(entry.Id));
            var items = await ReadRangeAsync(entry, handle, snapshot, start, end, cancellationToken);
            return new MessagePage { Items = items, FirstIndex = start, TotalCount = count };
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            // The file is the session: without it (deleted meanwhile) there is nothing to read.
            throw new SessionNotFoundException(sessionId);
        }
    }

    private async ValueTask<List<StoredMessage>> ReadRangeAsync(
        FileSessionEntry entry, SafeFileHandle handle, FileSessionSnapshot snapshot, long start, long end, CancellationToken cancellationToken)
    {
        var count = snapshot.Info.MessageCount;
        if (!entry.Checkpoints.TryFind(end, count, out var knownIndex, out var knownOffset))
        {
            (knownIndex, knownOffset) = (count, snapshot.Length);
        }

        using var scanner = new JsonlBackwardScanner(handle);
        long[] offsets;
        try
        {
            offsets = await scanner.LocateAsync(start, end, knownIndex, knownOffset, cancellationToken);
        }
        finally
        {
            Interlocked.Add(ref _bytesRead, scanner.BytesRead);
        }

        if (offsets[0] >= 0)
        {
            entry.Checkpoints.Add(start, offsets[0]);
        }

        var found = Array.FindIndex(offsets, static o => o >= 0);
        if (found != 0)
        {
            _logger.MessagesMissing(entry.Id, start, found < 0 ? end - start : found);
        }

        if (found < 0 || found == offsets.Length - 1)
        {
            return [];
        }

        var from = offsets[found];
        var to = offsets[^1];
        if (scanner.TryGetBuffered(from, to, out var bytes))
        {
            return ParseLines(entry.Id, bytes.Span, offsets, found, start);
        }

        var rented = ArrayPool<byte>.Shared.Rent(checked((int)(to - from)));
        try
        {
            var length = (int)(to - from);
            var read = await RandomAccess.ReadAsync(handle, rented.AsMemory(0, length), from, cancellationToken);
            Interlocked.Add(ref _bytesRead, read);
            return ParseLines(entry.Id, rented.AsSpan(0, read), offsets, found, start);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Parses the lines whose offsets are <c>offsets[first..]</c>; <paramref name="bytes"/> starts at <c>offsets[first]</c>.</summary>
    private List<StoredMessage> ParseLines(string sessionId, ReadOnlySpan<byte> bytes, long[] offsets, int first, long start)
    {
        var items = new List<StoredMessage>(offsets.Length - 1 - first);
        var origin = offsets[first];
        for (var i = first; i < offsets.Length - 1; i++)
        {
            var lineStart = (int)(offsets[i] - origin);
            var lineEnd = (int)(offsets[i + 1] - origin) - 1;
            if (lineEnd > bytes.Length || lineEnd < lineStart)
            {
                break;
            }

            var message = ParseLine(sessionId, bytes[lineStart..lineEnd], start + i);
            if (message is not null)
            {
                items.Add(message);
            }
        }

        return items;
    }

    private StoredMessage? ParseLine(string sessionId, ReadOnlySpan<byte> line, long index)
    {
        try
        {
            var record = JsonSerializer.Deserialize(line, SessionJson.Message);
            if (record is { IsWellFormed: true })
            {
                return record.ToStoredMessage();
            }

            _logger.CorruptLineSkipped(sessionId, index, new JsonException("The line is not a complete message record."));
            return null;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or ArgumentException or FormatException)
        {
            _logger.CorruptLineSkipped(sessionId, index, ex);
            return null;
        }
    }

    /// <summary>
    /// Makes the file end exactly at the committed length before a write: bytes beyond it are a torn earlier write and
    /// are cut off so they cannot merge with the new lines.
    /// </summary>
    private async ValueTask<FileSessionSnapshot> PrepareForAppendAsync(FileSessionEntry entry, SafeFileHandle handle, CancellationToken cancellationToken)
    {
        var snapshot = entry.Snapshot;
        var fileLength = RandomAccess.GetLength(handle);
        if (fileLength > snapshot.Length)
        {
            RandomAccess.SetLength(handle, snapshot.Length);
            entry.Unsynced = true;
            _logger.TornTailTruncated(entry.Id, fileLength - snapshot.Length);
        }
        else if (fileLength < snapshot.Length)
        {
            // Someone shortened the file behind the store's back; trust what is there now.
            var scan = await JsonlFile.ScanAsync(handle, cancellationToken);
            RandomAccess.SetLength(handle, scan.ValidLength);
            _logger.FileShrank(entry.Id, snapshot.Length, fileLength, scan.MessageCount);
            entry.Checkpoints.Clear();
            snapshot = new FileSessionSnapshot(snapshot.Info with { MessageCount = scan.MessageCount }, scan.ValidLength);
            Commit(entry, snapshot);
            entry.Unsynced = true;
            entry.SidecarLags = true;
            entry.SidecarUntrusted = true;
        }

        return snapshot;
    }

    /// <summary>
    /// Fsyncs the JSONL file when it holds unsynced bytes, then, when asked and it lags, rewrites the sidecar. The order
    /// matters: a sidecar never records a length the file does not durably have. Called under the entry's gate.
    /// </summary>
    private async Task PersistAsync(FileSessionEntry entry, bool writeSidecar)
    {
        if (entry.Unsynced)
        {
            using (var handle = JsonlFile.OpenForWrite(JsonlPath(entry.Id)))
            {
                await _fileSync.FlushAsync(handle);
            }

            entry.Unsynced = false;
        }

        if (writeSidecar && entry.SidecarLags)
        {
            await WriteSidecarAsync(entry.Snapshot);
            entry.SidecarLags = false;
            entry.SidecarUntrusted = false;
            entry.SidecarWrittenAt = _time.GetUtcNow();
        }
    }

    /// <summary>Publishes a new snapshot to readers and listings (under the entry's gate).</summary>
    private void Commit(FileSessionEntry entry, FileSessionSnapshot snapshot)
    {
        entry.Snapshot = snapshot;
        _index.Set(snapshot.Info);
    }

    private async Task CreateFilesAsync(FileSessionEntry entry, SessionInfo info)
    {
        var path = JsonlPath(info.Id);
        if (File.Exists(path))
        {
            // A file the index does not know: one that failed to load, or a twin on a case-insensitive file system.
            entry.Deleted = true;
            _sessions.TryRemove(new KeyValuePair<string, FileSessionEntry>(info.Id, entry));
            throw new SessionAlreadyExistsException(info.Id);
        }

        try
        {
            // A sidecar left by an earlier session of this id (its delete could not remove it) must not describe the new file.
            File.Delete(MetaPath(info.Id));
            var header = new SessionHeaderRecord
            {
                Format = SessionHeaderRecord.FormatName,
                Version = SessionHeaderRecord.CurrentVersion,
                Id = info.Id,
                CreatedAt = info.CreatedAt,
            };
            entry.Snapshot = new FileSessionSnapshot(info, await JsonlFile.CreateAsync(path, header, _fileSync));
            await WriteSidecarAsync(entry.Snapshot);
            entry.SidecarWrittenAt = _time.GetUtcNow();
            _index.Set(info);
        }
        catch
        {
            // Writers that found the entry while it was being created must see it as gone.
            entry.Deleted = true;
            _sessions.TryRemove(new KeyValuePair<string, FileSessionEntry>(info.Id, entry));
            File.Delete(path);
            throw;
        }
    }

    private Task WriteSidecarAsync(FileSessionSnapshot snapshot)
    {
        var path = MetaPath(snapshot.Info.Id);
        return AtomicFile.WriteAsync(path, path + ".tmp", JsonSerializer.SerializeToUtf8Bytes(SessionMetaRecord.From(snapshot.Info, snapshot.Length), SessionJson.Meta), _fileSync);
    }

    private void DeleteSidecar(string sessionId)
    {
        try
        {
            File.Delete(MetaPath(sessionId));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.SidecarNotDeleted(sessionId, ex);
        }
    }

    private async ValueTask<FileSessionEntry> FindAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (!SessionIds.IsValid(sessionId))
        {
            throw new SessionNotFoundException(sessionId);
        }

        await EnsureLoadedAsync(cancellationToken);
        return _sessions.TryGetValue(sessionId, out var entry) ? entry : throw new SessionNotFoundException(sessionId);
    }

    private static void ThrowIfDeleted(FileSessionEntry entry)
    {
        if (entry.Deleted)
        {
            throw new SessionNotFoundException(entry.Id);
        }
    }

    /// <summary>
    /// Loads the index once, on first use. The load runs detached from any one caller's token (callers only stop
    /// waiting), and a failed load is retried by the next call.
    /// </summary>
    private Task EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        var load = Volatile.Read(ref _load);
        if (load is { IsCompletedSuccessfully: true })
        {
            return Task.CompletedTask;
        }

        lock (_loadSync)
        {
            if (_load is null || _load.IsFaulted || _load.IsCanceled)
            {
                _load = Task.Run(LoadAsync, CancellationToken.None);
            }

            return _load.WaitAsync(cancellationToken);
        }
    }

    private async Task LoadAsync()
    {
        Directory.CreateDirectory(_directory);
        foreach (var path in Directory.EnumerateFiles(_directory, "*" + JsonlExtension))
        {
            if (!path.EndsWith(JsonlExtension, StringComparison.Ordinal))
            {
                continue;
            }

            var id = Path.GetFileName(path)[..^JsonlExtension.Length];
            if (!SessionIds.IsValid(id))
            {
                continue;
            }

            try
            {
                var entry = await LoadSessionAsync(id, path);
                if (entry is null)
                {
                    _logger.SessionFileUnreadable(Path.GetFileName(path), null);
                    continue;
                }

                // The bound on the sidecar's lag counts from the start: the first turns after it do not rewrite every sidecar.
                entry.SidecarWrittenAt = _time.GetUtcNow();
                if (_sessions.TryAdd(id, entry))
                {
                    _index.Set(entry.Snapshot.Info);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _logger.SessionFileUnreadable(Path.GetFileName(path), ex);
            }
        }

        _logger.SessionsLoaded(_sessions.Count, _directory);
    }

    /// <summary>
    /// Loads one session from its sidecar. A sidecar that describes a prefix of the file (the normal state after an
    /// unclean stop) is completed by scanning only the bytes after it; any other mismatch, or no sidecar, costs a scan of
    /// the whole file and a warning.
    /// </summary>
    private async ValueTask<FileSessionEntry?> LoadSessionAsync(string id, string path)
    {
        var meta = ReadSidecar(id);
        using var handle = JsonlFile.OpenForRead(path);
        var fileLength = RandomAccess.GetLength(handle);
        if (meta is not null && meta.Length == fileLength)
        {
            return new FileSessionEntry(new FileSessionSnapshot(meta.ToSessionInfo(), meta.Length));
        }

        var modified = new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero);
        if (meta is { MessageCount: >= 0 } && meta.Length < fileLength && await JsonlFile.EndsLineAtAsync(handle, meta.Length, CancellationToken.None))
        {
            var tail = await JsonlFile.ScanAsync(handle, meta.Length, CancellationToken.None);
            _logger.SidecarCompleted(id, meta.Length, fileLength, tail.Lines);

            // Only added lines mean messages were appended after the sidecar; a dropped torn tail changes nothing.
            if (tail.Lines == 0)
            {
                return new FileSessionEntry(new FileSessionSnapshot(meta.ToSessionInfo(), meta.Length));
            }

            var caughtUp = meta.ToSessionInfo() with { MessageCount = meta.MessageCount + tail.Lines, UpdatedAt = Max(meta.UpdatedAt, modified) };

            // After a crash of the process alone the new lines may still be only in the page cache: fsync before the
            // sidecar records them.
            return new FileSessionEntry(new FileSessionSnapshot(caughtUp, tail.ValidLength)) { Unsynced = true, SidecarLags = true };
        }

        var header = await JsonlFile.ReadHeaderAsync(handle, CancellationToken.None);
        if (header is null && meta is null)
        {
            return null;
        }

        var scan = await JsonlFile.ScanAsync(handle, CancellationToken.None);
        SessionInfo info;
        if (meta is not null)
        {
            var updatedAt = scan.MessageCount == meta.MessageCount ? meta.UpdatedAt : Max(meta.UpdatedAt, modified);
            info = meta.ToSessionInfo() with { MessageCount = scan.MessageCount, UpdatedAt = updatedAt };
            _logger.SidecarReconciled(id, meta.Length, fileLength, scan.MessageCount);
        }
        else
        {
            info = new SessionInfo { Id = id, CreatedAt = header!.CreatedAt, UpdatedAt = Max(header.CreatedAt, modified), MessageCount = scan.MessageCount };
            _logger.SessionRecovered(id, scan.MessageCount);
        }

        return new FileSessionEntry(new FileSessionSnapshot(info, scan.ValidLength)) { Unsynced = true, SidecarLags = true, SidecarUntrusted = true };
    }

    private SessionMetaRecord? ReadSidecar(string id)
    {
        try
        {
            var meta = JsonSerializer.Deserialize(File.ReadAllBytes(MetaPath(id)), SessionJson.Meta);
            return meta is not null && meta.Id == id ? meta : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            // Missing or unreadable: the JSONL header is the fallback.
            return null;
        }
    }

    /// <summary>
    /// Brings every lagging sidecar up to date (fsyncing the session file first when needed), so the next start reads
    /// no session file, then stops the fsync threads. Calls after this one throw <see cref="ObjectDisposedException"/>.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (Volatile.Read(ref _load) is { IsCompletedSuccessfully: true })
        {
            foreach (var entry in _sessions.Values)
            {
                await entry.Gate.WaitAsync(CancellationToken.None);
                try
                {
                    if (!entry.Deleted)
                    {
                        await PersistAsync(entry, writeSidecar: true);
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // The file is already durable or will be recounted on load; one failing session must not stop the others.
                    _logger.SidecarNotWritten(entry.Id, ex);
                }
                finally
                {
                    entry.Gate.Release();
                }
            }
        }

        _fileSync.Dispose();
    }

    /// <summary>Same as <see cref="DisposeAsync"/>, blocking until it completes.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    private string JsonlPath(string sessionId) => SessionPath(sessionId, JsonlExtension);

    private string MetaPath(string sessionId) => SessionPath(sessionId, MetaExtension);

    /// <summary>Builds a path only from a valid id, which cannot contain separators or dots, so it never leaves the directory.</summary>
    private string SessionPath(string sessionId, string extension)
    {
        SessionIds.Validate(sessionId);
        return Path.Join(_directory, sessionId + extension);
    }
}
