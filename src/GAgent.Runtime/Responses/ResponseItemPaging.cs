namespace GAgent.Responses;

/// <summary>The paging rules of <see cref="IResponseStore.ListInputItemsAsync"/>, shared by the stores so they page alike.</summary>
internal static class ResponseItemPaging
{
    public static ResponseItemPage Page(IReadOnlyList<ResponseItem> items, ResponseItemQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > ResponseItemQuery.MaxLimit)
        {
            throw Invalid($"The limit must be between 1 and {ResponseItemQuery.MaxLimit}; got {query.Limit}.", "limit");
        }

        var ordered = query.Descending ? items.Reverse().ToList() : [.. items];
        var start = 0;
        if (query.After is { } after)
        {
            var index = ordered.FindIndex(i => string.Equals(i.Id, after, StringComparison.Ordinal));
            if (index < 0)
            {
                throw Invalid($"'{after}' is not an item of this response.", "after");
            }

            start = index + 1;
        }

        var page = ordered.Skip(start).Take(query.Limit).ToList();
        return new ResponseItemPage { Items = page, HasMore = start + page.Count < ordered.Count };
    }

    // The parameter names are those of the HTTP query (limit, after), so the error names the field the client sent.
    private static ArgumentException Invalid(string message, string param) => new(message, param);
}
