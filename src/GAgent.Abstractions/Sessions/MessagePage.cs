namespace GAgent.Sessions;

/// <summary>A page of a session's messages, oldest first within the page.</summary>
public sealed record MessagePage
{
    /// <summary>The messages, oldest first.</summary>
    public required IReadOnlyList<StoredMessage> Items { get; init; }

    /// <summary>Index of <c>Items[0]</c> in the session; for an empty page, the index where it would have started.</summary>
    public required long FirstIndex { get; init; }

    /// <summary>How many messages the session holds.</summary>
    public required long TotalCount { get; init; }

    /// <summary>True when older messages exist; pass <see cref="FirstIndex"/> as <see cref="MessageQuery.Before"/> to read them.</summary>
    public bool HasMore => FirstIndex > 0;
}
