using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace GAgent.Sessions;

/// <summary>
/// Opaque keyset cursors: base64url of <c>v1:{pinned}:{updatedAt ticks}:{id}</c>. Encoding the sort key rather than an
/// offset keeps paging stable while sessions are created or deleted.
/// </summary>
internal static class SessionCursor
{
    private const string Prefix = "v1";

    public static string Encode(SessionSortKey key) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Prefix}:{(key.Pinned ? 1 : 0)}:{key.UpdatedUtcTicks}:{key.Id}")));

    /// <exception cref="ArgumentException">The cursor was not produced by <see cref="Encode"/>.</exception>
    public static SessionSortKey Decode(string cursor, string paramName) =>
        TryDecode(cursor, out var key)
            ? key
            : throw new ArgumentException("The cursor is not valid: pass the nextCursor of a previous page unchanged.", paramName);

    private static bool TryDecode(string cursor, out SessionSortKey key)
    {
        key = default;
        if (cursor.Length > 512 || !Base64Url.IsValid(cursor))
        {
            return false;
        }

        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            return false;
        }

        var parts = text.Split(':');
        if (parts.Length != 4 || parts[0] != Prefix || parts[1] is not ("0" or "1") || !SessionIds.IsValid(parts[3])
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
        {
            return false;
        }

        key = new SessionSortKey(parts[1] == "1", ticks, parts[3]);
        return true;
    }
}
