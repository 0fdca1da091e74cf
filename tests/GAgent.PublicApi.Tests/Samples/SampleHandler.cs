namespace GAgent.PublicApi.Tests.Samples;

public delegate Task SampleHandler(string? name, int attempt);
