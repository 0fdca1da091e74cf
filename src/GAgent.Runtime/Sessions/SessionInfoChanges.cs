namespace GAgent.Sessions;

/// <summary>The metadata rules both stores apply, kept in one place so they cannot drift apart.</summary>
internal static class SessionInfoChanges
{
    public static SessionInfo Create(NewSession session, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        var id = session.Id ?? SessionIds.New();
        SessionIds.Validate(id, nameof(session));
        return new SessionInfo
        {
            Id = id,
            Title = EmptyToNull(session.Title),
            ProfileId = EmptyToNull(session.ProfileId),
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    public static SessionInfo Appended(SessionInfo info, int count, DateTimeOffset now) =>
        info with { MessageCount = info.MessageCount + count, UpdatedAt = now };

    /// <summary>Null members stay; an empty title or profile id clears it.</summary>
    public static SessionInfo Patched(SessionInfo info, SessionPatch patch, DateTimeOffset now) => info with
    {
        Title = patch.Title is null ? info.Title : EmptyToNull(patch.Title),
        Pinned = patch.Pinned ?? info.Pinned,
        ProfileId = patch.ProfileId is null ? info.ProfileId : EmptyToNull(patch.ProfileId),
        UpdatedAt = now,
    };

    /// <exception cref="ArgumentNullException">The list or one of its messages is null.</exception>
    public static void ValidateMessages(IReadOnlyList<StoredMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            ArgumentNullException.ThrowIfNull(message, nameof(messages));
        }
    }

    private static string? EmptyToNull(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
