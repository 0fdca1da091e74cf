namespace GAgent.Media;

/// <summary>Why a media store refused a file.</summary>
public enum MediaRejectionReason
{
    /// <summary>The file has no bytes.</summary>
    Empty,

    /// <summary>The file is larger than the cap.</summary>
    TooLarge,

    /// <summary>The sniffed type is not on the allow-list (or is active content such as SVG, HTML or an executable).</summary>
    TypeNotAllowed,
}
