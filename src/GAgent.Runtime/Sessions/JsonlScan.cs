namespace GAgent.Sessions;

/// <summary>
/// The result of a forward scan of a whole JSONL file (recovery only): <see cref="Lines"/> complete lines, the header
/// included, end at <see cref="ValidLength"/>; anything after it is a torn tail.
/// </summary>
internal readonly record struct JsonlScan(long Lines, long ValidLength)
{
    /// <summary>Message lines: every complete line but the header.</summary>
    public long MessageCount => Math.Max(0, Lines - 1);
}
