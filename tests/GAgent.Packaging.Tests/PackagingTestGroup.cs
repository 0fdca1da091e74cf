namespace GAgent.Packaging.Tests;

/// <summary>Shares one packed feed between the metadata and the consumer tests (packing is the slow part).</summary>
[CollectionDefinition(Name)]
public sealed class PackagingTestGroup : ICollectionFixture<PackedFeedFixture>
{
    public const string Name = "Packaging";
}
