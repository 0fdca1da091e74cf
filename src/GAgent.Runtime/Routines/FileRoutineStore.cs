using GAgent.Storage;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GAgent.Routines;

/// <summary>
/// The default routine store: one JSON file per routine (<c>{id}.json</c>) in a directory. Every write goes to a
/// temporary file that is flushed to disk and renamed over the old one, so a crash leaves the old or the new routine,
/// never a torn file; a claimed occurrence is on disk before the claim returns. Changes are serialized in-process, so
/// a claim and an edit never lose each other's fields. Ids are validated before they become file names.
/// </summary>
public sealed class FileRoutineStore : IRoutineStore, IDisposable
{
    private const string Extension = ".json";
    private const string TempMarker = ".tmp-";
    private readonly string _directory;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writes = new(1, 1);

    /// <summary>Creates the store over <paramref name="directory"/>, which is created on first write.</summary>
    public FileRoutineStore(string directory, ILogger<FileRoutineStore>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        _directory = Path.GetFullPath(directory);
        _logger = logger ?? (ILogger)NullLogger<FileRoutineStore>.Instance;
        RemoveTempFiles();
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<Routine>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(_directory))
        {
            return [];
        }

        var routines = new List<Routine>();
        foreach (var file in Directory.EnumerateFiles(_directory, "*" + Extension))
        {
            var id = Path.GetFileNameWithoutExtension(file);
            if (RoutineIds.IsValid(id) && await ReadAsync(file, cancellationToken).ConfigureAwait(false) is { } routine)
            {
                routines.Add(routine);
            }
        }

        return RoutineOrder.Sort(routines);
    }

    /// <inheritdoc />
    public async ValueTask<Routine?> GetAsync(string routineId, CancellationToken cancellationToken = default)
        => RoutineIds.IsValid(routineId) ? await ReadAsync(PathOf(routineId), cancellationToken).ConfigureAwait(false) : null;

    /// <inheritdoc />
    public async ValueTask<Routine> CreateAsync(Routine routine, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(routine);
        RoutineIds.Validate(routine.Id, nameof(routine));
        await _writes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (File.Exists(PathOf(routine.Id)))
            {
                throw new RoutineAlreadyExistsException(routine.Id);
            }

            await WriteAsync(routine, cancellationToken).ConfigureAwait(false);
            return routine;
        }
        finally
        {
            _writes.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask<Routine> UpdateAsync(string routineId, RoutineDefinition definition, DateTimeOffset? nextRunAt, DateTimeOffset updatedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return await ChangeAsync(routineId, r => r with { Definition = definition, NextRunAt = nextRunAt, UpdatedAt = updatedAt }, cancellationToken).ConfigureAwait(false)
            ?? throw new RoutineNotFoundException(routineId);
    }

    /// <inheritdoc />
    public async ValueTask<bool> DeleteAsync(string routineId, CancellationToken cancellationToken = default)
    {
        if (!RoutineIds.IsValid(routineId))
        {
            return false;
        }

        await _writes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var path = PathOf(routineId);
            if (!File.Exists(path))
            {
                return false;
            }

            File.Delete(path);
            return true;
        }
        catch (DirectoryNotFoundException)
        {
            return false;
        }
        finally
        {
            _writes.Release();
        }
    }

    /// <inheritdoc />
    public ValueTask<Routine?> TryClaimAsync(string routineId, DateTimeOffset occurrence, DateTimeOffset? nextRunAt, CancellationToken cancellationToken = default)
        => ChangeAsync(routineId, r => r.NextRunAt == occurrence ? r with { LastScheduledFor = occurrence, NextRunAt = nextRunAt } : null, cancellationToken);

    /// <inheritdoc />
    public ValueTask<Routine?> RecordRunAsync(string routineId, RoutineRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        return ChangeAsync(routineId, r => r with { LastRun = run }, cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose() => _writes.Dispose();

    private async ValueTask<Routine?> ChangeAsync(string routineId, Func<Routine, Routine?> change, CancellationToken cancellationToken)
    {
        if (!RoutineIds.IsValid(routineId))
        {
            return null;
        }

        await _writes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await ReadAsync(PathOf(routineId), cancellationToken).ConfigureAwait(false) is not { } current || change(current) is not { } changed)
            {
                return null;
            }

            await WriteAsync(changed, cancellationToken).ConfigureAwait(false);
            return changed;
        }
        finally
        {
            _writes.Release();
        }
    }

    private async Task<Routine?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                var routine = await JsonSerializer.DeserializeAsync(stream, RoutineStoreJsonContext.Default.Routine, cancellationToken).ConfigureAwait(false);
                return routine is not null && string.Equals(routine.Id, Path.GetFileNameWithoutExtension(path), StringComparison.Ordinal) ? routine : null;
            }
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (JsonException ex)
        {
            _logger.RoutineFileUnreadable(Path.GetFileName(path), ex);
            return null;
        }
    }

    private Task WriteAsync(Routine routine, CancellationToken cancellationToken)
    {
        var path = PathOf(routine.Id);
        return AtomicFile.WriteJsonAsync(path, path + TempMarker + Guid.NewGuid().ToString("N"), routine, RoutineStoreJsonContext.Default.Routine, cancellationToken);
    }

    private string PathOf(string routineId) => Path.Combine(_directory, routineId + Extension);

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
