namespace GAgent.Sessions;

/// <summary>
/// The result of a forward scan of a JSONL file (recovery only): <see cref="Lines"/> complete lines from where the scan
/// began (the header included when it began at 0) end at <see cref="ValidLength"/>; anything after it is a torn tail.
/// </summary>
internal readonly record struct JsonlScan(long Lines, long ValidLength)
{
    /// <summary>Message lines of a whole-file scan: every complete line but the header.</summary>
    public long MessageCount => Math.Max(0, Lines - 1);
}
