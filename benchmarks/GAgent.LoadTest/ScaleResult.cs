namespace GAgent.LoadTest;

/// <summary>One scale measurement: what was measured, the figure, its unit, and the target it is held against.</summary>
internal sealed record ScaleResult(string Measurement, double Value, string Unit, string Target, bool Met);
