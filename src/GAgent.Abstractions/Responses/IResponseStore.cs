namespace GAgent.Responses;

/// <summary>
/// Stored OpenAI Responses (<c>/v1/responses</c> with <c>store: true</c>): the response object, its input items and its
/// output items, so a later request can chain on it with <c>previous_response_id</c>. Implementations are thread-safe and
/// pass the shared conformance suite. The default keeps one JSON file per response; an in-memory store serves tests.
/// </summary>
public interface IResponseStore
{
    /// <summary>Creates the response or replaces the stored one with the same id (its status and output change as it runs).</summary>
    /// <exception cref="ArgumentException">The id is not a valid response id.</exception>
    ValueTask SaveAsync(StoredResponse response, CancellationToken cancellationToken = default);

    /// <summary>Gets a stored response, or null when it does not exist (or the id is not valid).</summary>
    ValueTask<StoredResponse?> GetAsync(string responseId, CancellationToken cancellationToken = default);

    /// <summary>Deletes a stored response. Returns false when it did not exist.</summary>
    ValueTask<bool> DeleteAsync(string responseId, CancellationToken cancellationToken = default);

    /// <summary>Reads a page of a response's input items, or null when the response does not exist.</summary>
    /// <exception cref="ArgumentException">The limit is out of range or <see cref="ResponseItemQuery.After"/> is not an item of the response.</exception>
    ValueTask<ResponseItemPage?> ListInputItemsAsync(string responseId, ResponseItemQuery query, CancellationToken cancellationToken = default);
}
