namespace GAgent.Media;

/// <summary>Why attached media ids were refused.</summary>
internal enum MediaAttachmentProblem
{
    None,

    /// <summary>More ids than the limit.</summary>
    TooMany,

    /// <summary>An id that is not a media id at all.</summary>
    Malformed,

    /// <summary>A well-formed id of no stored file.</summary>
    Unknown,
}
