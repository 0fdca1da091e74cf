using System.Collections.Concurrent;
using GAgent.Storage;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GAgent.Approvals;

/// <summary>
/// The default approval store: one JSON file per approval (<c>{id}.json</c>) and per grant (<c>grants/{id}.json</c>)
/// under a directory. Files are read once into memory on first use; every change is written to a temporary file,
/// flushed and renamed over the old one, so a crash leaves the old or the new record, never a torn one. Changes are
/// serialized by one lock, which makes deciding an atomic compare-and-set within the process; reads take no lock once
/// the files are loaded (every run of a session lists its approvals, and a shared lock there would queue them all).
/// Ids are validated before they become file names.
/// </summary>
public sealed class FileApprovalStore : IApprovalStore, IDisposable
{
    private const string Extension = ".json";
    private const string TempMarker = ".tmp-";
    private readonly string _directory;
    private readonly string _grantDirectory;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ConcurrentDictionary<string, ApprovalRecord>? _approvals;
    private ConcurrentDictionary<string, ApprovalGrant>? _grants;

    /// <summary>Creates the store over <paramref name="directory"/>, which is created on first write.</summary>
    public FileApprovalStore(string directory, ILogger<FileApprovalStore>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        _directory = Path.GetFullPath(directory);
        _grantDirectory = Path.Combine(_directory, "grants");
        _logger = logger ?? (ILogger)NullLogger<FileApprovalStore>.Instance;
    }

    /// <inheritdoc />
    public async ValueTask CreateAsync(ApprovalRecord approval, CancellationToken cancellationToken = default)
    {
        ApprovalPaging.ValidateNew(approval);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var approvals = await LoadAsync(cancellationToken).ConfigureAwait(false);
            if (approvals.ContainsKey(approval.Id))
            {
                throw new ArgumentException($"Approval '{approval.Id}' already exists.", nameof(approval));
            }

            await WriteAsync(_directory, approval.Id, approval, ApprovalStoreJsonContext.Default.ApprovalRecord, cancellationToken).ConfigureAwait(false);
            approvals[approval.Id] = approval;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask<ApprovalRecord?> GetAsync(string approvalId, CancellationToken cancellationToken = default)
    {
        if (!ApprovalIds.IsValidApprovalId(approvalId))
        {
            return null;
        }

        return (await LoadedAsync(cancellationToken).ConfigureAwait(false)).GetValueOrDefault(approvalId);
    }

    /// <inheritdoc />
    public async ValueTask<ApprovalPage> ListAsync(ApprovalQuery query, CancellationToken cancellationToken = default)
    {
        ApprovalPaging.Validate(query);
        var approvals = await LoadedAsync(cancellationToken).ConfigureAwait(false);
        // Enumerated in place: the dictionary's Values property would lock it and copy every record.
        return ApprovalPaging.Page(approvals.Select(static pair => pair.Value), query);
    }

    /// <inheritdoc />
    public async ValueTask<ApprovalRecord> DecideAsync(string approvalId, ApprovalDecision decision, CancellationToken cancellationToken = default)
    {
        ApprovalPaging.ValidateDecision(decision);
        if (!ApprovalIds.IsValidApprovalId(approvalId))
        {
            throw new ApprovalNotFoundException(approvalId ?? string.Empty);
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var approvals = await LoadAsync(cancellationToken).ConfigureAwait(false);
            if (!approvals.TryGetValue(approvalId, out var current))
            {
                throw new ApprovalNotFoundException(approvalId);
            }

            var decided = ApprovalPaging.Apply(current, decision);
            await WriteAsync(_directory, decided.Id, decided, ApprovalStoreJsonContext.Default.ApprovalRecord, CancellationToken.None).ConfigureAwait(false);
            approvals[approvalId] = decided;
            return decided;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask<ApprovalRecord?> SetContinuationAsync(string approvalId, string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        if (!ApprovalIds.IsValidApprovalId(approvalId))
        {
            return null;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var approvals = await LoadAsync(cancellationToken).ConfigureAwait(false);
            if (!approvals.TryGetValue(approvalId, out var current))
            {
                return null;
            }

            var updated = current with { ContinuationRunId = runId };
            await WriteAsync(_directory, updated.Id, updated, ApprovalStoreJsonContext.Default.ApprovalRecord, CancellationToken.None).ConfigureAwait(false);
            approvals[approvalId] = updated;
            return updated;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask AddGrantAsync(ApprovalGrant grant, CancellationToken cancellationToken = default)
    {
        ApprovalPaging.ValidateGrant(grant);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await LoadAsync(cancellationToken).ConfigureAwait(false);
            await WriteAsync(_grantDirectory, grant.Id, grant, ApprovalStoreJsonContext.Default.ApprovalGrant, cancellationToken).ConfigureAwait(false);
            _grants![grant.Id] = grant;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<ApprovalGrant>> ListGrantsAsync(CancellationToken cancellationToken = default)
    {
        await LoadedAsync(cancellationToken).ConfigureAwait(false);
        return [.. _grants!.Select(static pair => pair.Value).OrderByDescending(static g => g.Id, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async ValueTask<bool> RemoveGrantAsync(string grantId, CancellationToken cancellationToken = default)
    {
        if (!ApprovalIds.IsValidGrantId(grantId))
        {
            return false;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await LoadAsync(cancellationToken).ConfigureAwait(false);
            if (!_grants!.TryRemove(grantId, out _))
            {
                return false;
            }

            File.Delete(Path.Combine(_grantDirectory, grantId + Extension));
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    /// <summary>The approvals, loaded under the lock the first time and read without it afterwards.</summary>
    private async ValueTask<ConcurrentDictionary<string, ApprovalRecord>> LoadedAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _approvals) is { } loaded)
        {
            return loaded;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await LoadAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Reads the files the first time. Runs under the lock.</summary>
    private async ValueTask<ConcurrentDictionary<string, ApprovalRecord>> LoadAsync(CancellationToken cancellationToken)
    {
        if (_approvals is not null)
        {
            return _approvals;
        }

        var approvals = new ConcurrentDictionary<string, ApprovalRecord>(StringComparer.Ordinal);
        foreach (var approval in await ReadAllAsync(_directory, ApprovalStoreJsonContext.Default.ApprovalRecord, cancellationToken).ConfigureAwait(false))
        {
            if (ApprovalIds.IsValidApprovalId(approval.Id))
            {
                approvals[approval.Id] = approval;
            }
        }

        var grants = new ConcurrentDictionary<string, ApprovalGrant>(StringComparer.Ordinal);
        foreach (var grant in await ReadAllAsync(_grantDirectory, ApprovalStoreJsonContext.Default.ApprovalGrant, cancellationToken).ConfigureAwait(false))
        {
            if (ApprovalIds.IsValidGrantId(grant.Id))
            {
                grants[grant.Id] = grant;
            }
        }

        // The grants first: a reader that sees the approvals loaded (without the lock) must see the grants too.
        _grants = grants;
        Volatile.Write(ref _approvals, approvals);
        return approvals;
    }

    private async Task<List<T>> ReadAllAsync<T>(string directory, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        var items = new List<T>();
        if (!Directory.Exists(directory))
        {
            return items;
        }

        foreach (var file in Directory.EnumerateFiles(directory))
        {
            var name = Path.GetFileName(file);
            if (name.Contains(TempMarker, StringComparison.Ordinal))
            {
                // Left by a process that died mid-write; the record it replaced is still intact.
                TryDelete(file);
                continue;
            }

            if (!name.EndsWith(Extension, StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.Asynchronous);
                await using (stream.ConfigureAwait(false))
                {
                    if (await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false) is { } item)
                    {
                        items.Add(item);
                    }
                }
            }
            catch (JsonException ex)
            {
                _logger.ApprovalFileUnreadable(name, ex);
            }
        }

        return items;
    }

    private static Task WriteAsync<T>(string directory, string id, T value, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, id + Extension);
        return AtomicFile.WriteJsonAsync(path, path + TempMarker + Guid.NewGuid().ToString("N"), value, typeInfo, cancellationToken);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Still held by a process that is shutting down; the next start removes it.
        }
    }
}
