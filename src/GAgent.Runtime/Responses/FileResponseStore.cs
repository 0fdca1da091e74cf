using GAgent.Storage;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GAgent.Responses;

/// <summary>
/// The default response store: one JSON file per response (<c>{id}.json</c>) in a directory. Every write goes to a
/// temporary file that is flushed to disk and then renamed over the old one, so a crash leaves either the old or the new
/// response, never a torn file. Ids are validated before they become file names.
/// </summary>
public sealed class FileResponseStore : IResponseStore
{
    private const string Extension = ".json";
    private const string TempMarker = ".tmp-";
    private readonly string _directory;
    private readonly ILogger _logger;

    /// <summary>Creates the store over <paramref name="directory"/>, which is created on first write.</summary>
    public FileResponseStore(string directory, ILogger<FileResponseStore>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        _directory = Path.GetFullPath(directory);
        _logger = logger ?? (ILogger)NullLogger<FileResponseStore>.Instance;
        RemoveTempFiles();
    }

    /// <inheritdoc />
    public async ValueTask SaveAsync(StoredResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        ResponseIds.Validate(response.Id, nameof(response));
        var path = PathOf(response.Id);
        await AtomicFile.WriteJsonAsync(path, path + TempMarker + Guid.NewGuid().ToString("N"), response, ResponseStoreJsonContext.Default.StoredResponse, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<StoredResponse?> GetAsync(string responseId, CancellationToken cancellationToken = default)
    {
        if (!ResponseIds.IsValid(responseId))
        {
            return null;
        }

        var path = PathOf(responseId);
        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                return await JsonSerializer.DeserializeAsync(stream, ResponseStoreJsonContext.Default.StoredResponse, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (JsonException ex)
        {
            _logger.ResponseFileUnreadable(Path.GetFileName(path), ex);
            return null;
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> DeleteAsync(string responseId, CancellationToken cancellationToken = default)
    {
        if (!ResponseIds.IsValid(responseId))
        {
            return ValueTask.FromResult(false);
        }

        var path = PathOf(responseId);
        if (!File.Exists(path))
        {
            return ValueTask.FromResult(false);
        }

        try
        {
            File.Delete(path);
            return ValueTask.FromResult(true);
        }
        catch (DirectoryNotFoundException)
        {
            return ValueTask.FromResult(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask<ResponseItemPage?> ListInputItemsAsync(string responseId, ResponseItemQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var response = await GetAsync(responseId, cancellationToken).ConfigureAwait(false);
        return response is null ? null : ResponseItemPaging.Page(response.InputItems, query);
    }

    private string PathOf(string responseId) => Path.Combine(_directory, responseId + Extension);

    // Temporary files are only left behind by a process that died mid-write; clear them before this store writes any.
    private void RemoveTempFiles()
    {
        var removed = AtomicFile.RemoveLeftovers(_directory, "*" + Extension + TempMarker + "*");
        if (removed > 0)
        {
            _logger.TempFilesRemoved(removed);
        }
    }
}
