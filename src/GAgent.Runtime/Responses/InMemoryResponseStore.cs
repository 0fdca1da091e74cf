using System.Collections.Concurrent;

namespace GAgent.Responses;

/// <summary>Keeps stored responses in memory only (tests, throwaway hosts): everything is lost when the process ends.</summary>
public sealed class InMemoryResponseStore : IResponseStore
{
    private readonly ConcurrentDictionary<string, StoredResponse> _responses = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask SaveAsync(StoredResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        ResponseIds.Validate(response.Id, nameof(response));
        _responses[response.Id] = Detach(response);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<StoredResponse?> GetAsync(string responseId, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(ResponseIds.IsValid(responseId) && _responses.TryGetValue(responseId, out var response) ? response : null);

    /// <inheritdoc />
    public ValueTask<bool> DeleteAsync(string responseId, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(ResponseIds.IsValid(responseId) && _responses.TryRemove(responseId, out _));

    /// <inheritdoc />
    public ValueTask<ResponseItemPage?> ListInputItemsAsync(string responseId, ResponseItemQuery query, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(ResponseIds.IsValid(responseId) && _responses.TryGetValue(responseId, out var response)
            ? ResponseItemPaging.Page(response.InputItems, query)
            : null);

    // The caller's JSON may live in a document it disposes later; the store keeps its own copies.
    private static StoredResponse Detach(StoredResponse response) => response with
    {
        Response = response.Response.Clone(),
        InputItems = [.. response.InputItems.Select(static i => i with { Item = i.Item.Clone() })],
        OutputItems = [.. response.OutputItems.Select(static i => i with { Item = i.Item.Clone() })],
    };
}
