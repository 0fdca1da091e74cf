namespace GAgent.Memory;

/// <summary>The rules every memory store shares (scope validation, the size cap, entry format, search) over read and write primitives.</summary>
internal abstract class MemoryStoreBase : IMemoryStore, IDisposable
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly TimeProvider _time;

    protected MemoryStoreBase(int maxDocumentChars, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDocumentChars, 1);
        MaxDocumentChars = maxDocumentChars;
        _time = time;
    }

    public int MaxDocumentChars { get; }

    public async ValueTask<MemoryDocument> GetAsync(string scope, CancellationToken cancellationToken = default)
    {
        MemoryScopes.Validate(scope);
        return await ReadAsync(scope, cancellationToken).ConfigureAwait(false) ?? new MemoryDocument { Scope = scope, Content = string.Empty };
    }

    public async ValueTask<MemoryDocument> ReplaceAsync(string scope, string content, CancellationToken cancellationToken = default)
    {
        MemoryScopes.Validate(scope);
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length > MaxDocumentChars)
        {
            throw new MemoryTooLargeException(scope, content.Length, MaxDocumentChars);
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var document = new MemoryDocument { Scope = scope, Content = content, UpdatedAt = _time.GetUtcNow() };
            await WriteAsync(document, cancellationToken).ConfigureAwait(false);
            return document;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async ValueTask<MemoryDocument> AppendAsync(string scope, string entry, CancellationToken cancellationToken = default)
    {
        MemoryScopes.Validate(scope);
        ArgumentNullException.ThrowIfNull(entry);
        var line = entry.ReplaceLineEndings(" ").Trim();
        if (line.Length == 0)
        {
            throw new ArgumentException("A memory entry needs some text.", nameof(entry));
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = (await ReadAsync(scope, cancellationToken).ConfigureAwait(false))?.Content ?? string.Empty;
            var separator = current.Length == 0 || current.EndsWith('\n') ? string.Empty : "\n";
            var content = string.Concat(current, separator, "- ", line, "\n");
            if (content.Length > MaxDocumentChars)
            {
                throw new MemoryTooLargeException(scope, content.Length, MaxDocumentChars);
            }

            var document = new MemoryDocument { Scope = scope, Content = content, UpdatedAt = _time.GetUtcNow() };
            await WriteAsync(document, cancellationToken).ConfigureAwait(false);
            return document;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async ValueTask<IReadOnlyList<string>> SearchAsync(string scope, string query, int limit = 20, CancellationToken cancellationToken = default)
    {
        MemoryScopes.Validate(scope);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var terms = (query ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (terms.Length == 0)
        {
            throw new ArgumentException("Say what to search the memory for.", nameof(query));
        }

        var document = await GetAsync(scope, cancellationToken).ConfigureAwait(false);
        var lines = document.Content.ReplaceLineEndings("\n").Split('\n');
        var found = new List<string>();
        for (var i = lines.Length - 1; i >= 0 && found.Count < limit; i--)
        {
            var line = lines[i].Trim();
            if (line.Length > 0 && terms.All(t => line.Contains(t, StringComparison.OrdinalIgnoreCase)))
            {
                found.Add(line);
            }
        }

        return found;
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _writeLock.Dispose();
        }
    }

    /// <summary>The stored document of a valid scope, or null when none was written.</summary>
    protected abstract ValueTask<MemoryDocument?> ReadAsync(string scope, CancellationToken cancellationToken);

    protected abstract ValueTask WriteAsync(MemoryDocument document, CancellationToken cancellationToken);
}
