namespace GAgent.Responses;

/// <summary>A page request for <see cref="IResponseStore.ListInputItemsAsync"/>.</summary>
public sealed record ResponseItemQuery
{
    /// <summary>The largest page size a store serves.</summary>
    public const int MaxLimit = 100;

    /// <summary>How many items, 1 to <see cref="MaxLimit"/>.</summary>
    public int Limit { get; init; } = 20;

    /// <summary>Newest item first when true (OpenAI's default order <c>desc</c>), oldest first when false.</summary>
    public bool Descending { get; init; } = true;

    /// <summary>Start after the item with this id, in the chosen order; null starts at the beginning.</summary>
    public string? After { get; init; }
}
