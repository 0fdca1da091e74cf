namespace GAgent.Media;

/// <summary>A media store refused a file; nothing was stored.</summary>
public sealed class MediaRejectedException : GAgentException
{
    /// <summary>Creates the exception.</summary>
    public MediaRejectedException(MediaRejectionReason reason, string message)
        : base(message, reason switch
        {
            MediaRejectionReason.Empty => "media_empty",
            MediaRejectionReason.TooLarge => "media_too_large",
            _ => "media_type_not_allowed",
        }) => Reason = reason;

    /// <summary>Why the file was refused.</summary>
    public MediaRejectionReason Reason { get; }
}
