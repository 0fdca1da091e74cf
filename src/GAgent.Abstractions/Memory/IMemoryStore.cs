namespace GAgent.Memory;

/// <summary>
/// Per-scope Markdown memory (each profile reads and writes its own scope). Entries are Markdown list items
/// (<c>- text</c>), one per line. Implementations are thread-safe, cap a document at the size they were configured
/// with, and pass the shared conformance suite.
/// </summary>
public interface IMemoryStore
{
    /// <summary>The most characters a document may hold.</summary>
    int MaxDocumentChars { get; }

    /// <summary>The memory of a scope; an empty document when nothing was stored.</summary>
    /// <exception cref="ArgumentException">The scope is not valid.</exception>
    ValueTask<MemoryDocument> GetAsync(string scope, CancellationToken cancellationToken = default);

    /// <summary>Replaces the whole document.</summary>
    /// <exception cref="ArgumentException">The scope is not valid.</exception>
    /// <exception cref="MemoryTooLargeException">The content is longer than <see cref="MaxDocumentChars"/>.</exception>
    ValueTask<MemoryDocument> ReplaceAsync(string scope, string content, CancellationToken cancellationToken = default);

    /// <summary>Appends one entry as a list item at the end (line breaks in it become spaces).</summary>
    /// <exception cref="ArgumentException">The scope is not valid or the entry is empty.</exception>
    /// <exception cref="MemoryTooLargeException">The document would grow beyond <see cref="MaxDocumentChars"/>.</exception>
    ValueTask<MemoryDocument> AppendAsync(string scope, string entry, CancellationToken cancellationToken = default);

    /// <summary>Lines of the document that contain every word of <paramref name="query"/> (case-insensitive), newest first, at most <paramref name="limit"/>.</summary>
    /// <exception cref="ArgumentException">The scope is not valid, the query is empty or the limit is not positive.</exception>
    ValueTask<IReadOnlyList<string>> SearchAsync(string scope, string query, int limit = 20, CancellationToken cancellationToken = default);
}
