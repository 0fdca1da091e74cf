namespace GAgent.Media;

/// <summary>The media file does not exist.</summary>
public sealed class MediaNotFoundException : GAgentException
{
    /// <summary>Creates the exception.</summary>
    public MediaNotFoundException(string mediaId)
        : base($"Media '{mediaId}' was not found. Upload it first with POST /api/media and use the id it returns.", "media_not_found") => MediaId = mediaId;

    /// <summary>The id that was not found.</summary>
    public string MediaId { get; }
}
