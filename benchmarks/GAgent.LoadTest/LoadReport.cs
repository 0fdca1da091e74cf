namespace GAgent.LoadTest;

/// <summary>The JSON form of a load run.</summary>
internal sealed record LoadReport(int Concurrency, int Tokens, int TokenSize, double Seconds, int Cores, long PeakWorkingSetBytes, IReadOnlyList<LoadResult> Results);
