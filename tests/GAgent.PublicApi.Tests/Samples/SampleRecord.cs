namespace GAgent.PublicApi.Tests.Samples;

public sealed record SampleRecord(string Name)
{
    public required int Count { get; init; }

    public string? Note { get; set; }

    public IReadOnlyList<string?> Tags { get; init; } = [];
}
