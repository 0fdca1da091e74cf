namespace GAgent.PublicApi.Tests.Samples;

public readonly record struct SamplePoint(int X, int Y);
