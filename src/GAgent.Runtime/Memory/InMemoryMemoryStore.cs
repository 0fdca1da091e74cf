using System.Collections.Concurrent;

namespace GAgent.Memory;

/// <summary>Memory kept in the process only (tests, throwaway hosts): everything is lost when the process ends.</summary>
internal sealed class InMemoryMemoryStore(int maxDocumentChars, TimeProvider time) : MemoryStoreBase(maxDocumentChars, time)
{
    private readonly ConcurrentDictionary<string, MemoryDocument> _documents = new(StringComparer.Ordinal);

    protected override ValueTask<MemoryDocument?> ReadAsync(string scope, CancellationToken cancellationToken)
        => ValueTask.FromResult(_documents.GetValueOrDefault(scope));

    protected override ValueTask WriteAsync(MemoryDocument document, CancellationToken cancellationToken)
    {
        _documents[document.Scope] = document;
        return ValueTask.CompletedTask;
    }
}
