namespace GAgent.Responses;

/// <summary>A page of a response's items, in the order the query asked for.</summary>
public sealed record ResponseItemPage
{
    /// <summary>The items of the page.</summary>
    public required IReadOnlyList<ResponseItem> Items { get; init; }

    /// <summary>True when more items follow the last one of the page.</summary>
    public required bool HasMore { get; init; }
}
