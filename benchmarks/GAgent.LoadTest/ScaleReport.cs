namespace GAgent.LoadTest;

/// <summary>The JSON form of the scale runs.</summary>
internal sealed record ScaleReport(int Cores, IReadOnlyList<ScaleResult> Results);
