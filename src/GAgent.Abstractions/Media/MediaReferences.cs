namespace GAgent.Media;

/// <summary>
/// The <c>gagent-media:{id}</c> URIs sessions store in place of attachment bytes (as <c>UriContent</c>); the agent
/// loop resolves them to the stored bytes when it builds the model's context.
/// </summary>
public static class MediaReferences
{
    /// <summary>The URI scheme of a media reference.</summary>
    public const string Scheme = "gagent-media";

    /// <summary>The reference URI of a media id.</summary>
    /// <exception cref="ArgumentException">The id is not a valid media id.</exception>
    public static Uri ToUri(string mediaId)
    {
        if (!MediaIds.IsValid(mediaId))
        {
            throw new ArgumentException($"'{mediaId}' is not a valid media id.", nameof(mediaId));
        }

        return new Uri($"{Scheme}:{mediaId}");
    }

    /// <summary>Reads the media id out of a reference URI; false when the URI is not a valid media reference.</summary>
    public static bool TryGetId(Uri? uri, out string mediaId)
    {
        mediaId = string.Empty;
        if (uri is null || !uri.IsAbsoluteUri || !string.Equals(uri.Scheme, Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var id = uri.AbsolutePath;
        if (!MediaIds.IsValid(id))
        {
            return false;
        }

        mediaId = id;
        return true;
    }
}
