using GAgent.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GAgent.Memory;

/// <summary>
/// The default memory store: one Markdown file per scope (<c>{scope}.md</c>), written atomically, so it can be read
/// and edited by hand. The file's last write time is the document's <see cref="MemoryDocument.UpdatedAt"/>.
/// </summary>
internal sealed class FileMemoryStore : MemoryStoreBase
{
    private const string Extension = ".md";
    private readonly string _directory;
    private readonly ILogger _logger;

    // Every run puts its profile's memory in the prompt: served from a cache that every write clears.
    private readonly FileReadCache<MemoryDocument?> _documents;

    public FileMemoryStore(string directory, int maxDocumentChars, TimeProvider time, ILogger<FileMemoryStore>? logger = null)
        : base(maxDocumentChars, time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        _directory = Path.GetFullPath(directory);
        _logger = logger ?? (ILogger)NullLogger<FileMemoryStore>.Instance;
        _documents = new(time);
    }

    protected override ValueTask<MemoryDocument?> ReadAsync(string scope, CancellationToken cancellationToken)
        => _documents.GetOrLoadAsync(scope, ct => ReadFileAsync(scope, ct), cancellationToken);

    private async ValueTask<MemoryDocument?> ReadFileAsync(string scope, CancellationToken cancellationToken)
    {
        var path = PathOf(scope);
        var content = await AtomicFile.TryReadTextAsync(path, cancellationToken).ConfigureAwait(false);
        return content is null ? null : new MemoryDocument { Scope = scope, Content = content, UpdatedAt = new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero) };
    }

    protected override async ValueTask WriteAsync(MemoryDocument document, CancellationToken cancellationToken)
    {
        var path = PathOf(document.Scope);
        await AtomicFile.WriteTextAsync(path, document.Content, cancellationToken).ConfigureAwait(false);
        if (document.UpdatedAt is { } at)
        {
            File.SetLastWriteTimeUtc(path, at.UtcDateTime);
        }

        _documents.Invalidate();
        _logger.MemoryWritten(document.Scope, document.Content.Length);
    }

    private string PathOf(string scope) => Path.Join(_directory, scope + Extension);
}
