using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GAgent.Media;

/// <summary>
/// The default media store: <c>{directory}/{id}</c> holds the bytes and <c>{id}.json</c> the metadata. An upload is
/// written to a temporary file while it is hashed and sniffed, then moved into place, so a crash never leaves a
/// partial file under an id; a blob without its sidecar is treated as missing and replaced by the next upload.
/// </summary>
public sealed class FileMediaStore : IMediaStore
{
    private readonly string _directory;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _commit = new();

    /// <summary>Creates the store over <paramref name="directory"/> (created on first save).</summary>
    public FileMediaStore(string directory, TimeProvider? time = null, ILogger<FileMediaStore>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        _directory = Path.GetFullPath(directory);
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger<FileMediaStore>.Instance;
    }

    /// <inheritdoc />
    public async ValueTask<MediaInfo> SaveAsync(Stream content, string? fileName, long maxBytes, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(_directory);
        var temp = Path.Join(_directory, $".upload-{Guid.NewGuid():N}.tmp");
        try
        {
            MediaIntakeResult intake;
            var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                intake = await MediaIntake.CopyAsync(content, file, fileName, maxBytes, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }

            lock (_commit)
            {
                if (ReadSidecar(intake.Id) is { } existing && File.Exists(BlobPath(intake.Id)))
                {
                    return existing;
                }

                var info = new MediaInfo
                {
                    Id = intake.Id,
                    MediaType = intake.MediaType,
                    Size = intake.Size,
                    FileName = MediaFileNames.Sanitize(fileName),
                    CreatedAt = _time.GetUtcNow(),
                    Sha256 = intake.Id,
                };
                File.Move(temp, BlobPath(intake.Id), overwrite: true);
                var sidecarTemp = Path.Join(_directory, $".meta-{Guid.NewGuid():N}.tmp");
                File.WriteAllBytes(sidecarTemp, JsonSerializer.SerializeToUtf8Bytes(info, MediaJsonContext.Default.MediaInfo));
                File.Move(sidecarTemp, SidecarPath(intake.Id), overwrite: true);
                _logger.MediaStored(info.Id, info.MediaType, info.Size);
                return info;
            }
        }
        finally
        {
            DeleteTemp(temp);
        }
    }

    /// <inheritdoc />
    public ValueTask<MediaInfo?> GetAsync(string id, CancellationToken cancellationToken = default) => ValueTask.FromResult(ReadSidecar(id));

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<MediaInfo>> GetManyAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new List<MediaInfo>(ids.Count);
        foreach (var id in ids)
        {
            if (await GetAsync(id, cancellationToken).ConfigureAwait(false) is { } info)
            {
                found.Add(info);
            }
        }

        return found;
    }

    /// <inheritdoc />
    public async ValueTask<Stream> OpenReadAsync(string id, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new MediaNotFoundException(id ?? string.Empty);
        }

        try
        {
            return new FileStream(BlobPath(id), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1, FileOptions.Asynchronous);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new MediaNotFoundException(id);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!MediaIds.IsValid(id))
        {
            return ValueTask.FromResult(false);
        }

        lock (_commit)
        {
            var existed = File.Exists(SidecarPath(id));
            File.Delete(SidecarPath(id));
            File.Delete(BlobPath(id));
            return ValueTask.FromResult(existed);
        }
    }

    private MediaInfo? ReadSidecar(string id)
    {
        if (!MediaIds.IsValid(id))
        {
            return null;
        }

        var path = SidecarPath(id);
        try
        {
            var info = JsonSerializer.Deserialize(File.ReadAllBytes(path), MediaJsonContext.Default.MediaInfo);
            return info is not null && info.Id == id ? info : null;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (JsonException ex)
        {
            _logger.SidecarUnreadable(Path.GetFileName(path), ex);
            return null;
        }
    }

    // Ids are validated as 64 hex digits before they reach these, so they can never leave the directory.
    private string BlobPath(string id) => Path.Join(_directory, id);

    private string SidecarPath(string id) => Path.Join(_directory, id + ".json");

    private void DeleteTemp(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException ex)
        {
            _logger.TempFileNotDeleted(Path.GetFileName(path), ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            _logger.TempFileNotDeleted(Path.GetFileName(path), ex);
        }
    }
}
