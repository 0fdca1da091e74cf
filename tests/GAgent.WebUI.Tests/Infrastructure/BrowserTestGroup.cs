namespace GAgent.WebUI.Tests.Infrastructure;

/// <summary>The browser tests share one Chromium and run one after another (2-core machines).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Browser";
}
