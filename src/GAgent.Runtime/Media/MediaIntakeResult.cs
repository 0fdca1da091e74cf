namespace GAgent.Media;

/// <summary>An accepted upload: its content hash (the id), sniffed type and size.</summary>
internal readonly record struct MediaIntakeResult(string Id, string MediaType, long Size);
