using Microsoft.Extensions.Logging;

namespace GAgent.Learning;

/// <summary>Source-generated log messages of the learning queue (event ids 2000-2099). Proposal text is never logged.</summary>
internal static partial class LearningLog
{
    [LoggerMessage(2000, LogLevel.Debug, "Learning candidate {CandidateId} stored (version {Version}).")]
    public static partial void CandidateSaved(this ILogger logger, string candidateId, long version);

    [LoggerMessage(2001, LogLevel.Warning, "The learning candidate file {FileName} could not be read and is left out.")]
    public static partial void CandidateFileUnreadable(this ILogger logger, string fileName, Exception? exception);

    [LoggerMessage(2010, LogLevel.Information, "Learning candidate {CandidateId} ({Kind}) proposed by {ProposedBy}.")]
    public static partial void CandidateProposed(this ILogger logger, string candidateId, string kind, string proposedBy);

    [LoggerMessage(2011, LogLevel.Information, "Learning candidate {CandidateId} is now {Status}.")]
    public static partial void CandidateDecided(this ILogger logger, string candidateId, string status);

    [LoggerMessage(2012, LogLevel.Information, "Learning candidate {CandidateId} applied.")]
    public static partial void CandidateApplied(this ILogger logger, string candidateId);

    [LoggerMessage(2013, LogLevel.Warning, "Applying learning candidate {CandidateId} failed: {Reason}")]
    public static partial void CandidateApplyFailed(this ILogger logger, string candidateId, string reason);
}
