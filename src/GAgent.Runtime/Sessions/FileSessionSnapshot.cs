namespace GAgent.Sessions;

/// <summary>
/// A session's metadata together with the committed length of its JSONL file; replaced as a whole so readers always
/// see a count and a length that belong together.
/// </summary>
internal sealed record FileSessionSnapshot(SessionInfo Info, long Length);
