namespace GAgent.Packaging.Tests;

[Collection(PackagingTestGroup.Name)]
[Trait("Category", "Packaging")]
public sealed class PackageMetadataTests(PackedFeedFixture feed)
{
    public static TheoryData<string> PackageIds => new(PackedFeedFixture.PackageIds);

    [Theory]
    [MemberData(nameof(PackageIds))]
    public void Package_and_symbols_exist_with_the_ci_version(string id)
    {
        Assert.EndsWith("-" + PackedFeedFixture.VersionSuffix, feed.Version, StringComparison.Ordinal);
        Assert.True(File.Exists(feed.PackagePath(id)), $"Missing {feed.PackagePath(id)}; feed holds: {string.Join(", ", Directory.GetFiles(feed.FeedDirectory).Select(Path.GetFileName))}");
        Assert.True(File.Exists(Path.ChangeExtension(feed.PackagePath(id), ".snupkg")), $"Missing the symbols package of {id}.");
    }

    [Theory]
    [MemberData(nameof(PackageIds))]
    public void Package_carries_complete_metadata(string id)
    {
        var manifest = PackageManifest.Read(feed.PackagePath(id));

        Assert.Equal(id, manifest.Id);
        Assert.Equal(feed.Version, manifest.Version);
        Assert.False(string.IsNullOrWhiteSpace(manifest.Description), "description is empty");
        Assert.NotEqual("Package Description", manifest.Description);
        Assert.False(string.IsNullOrWhiteSpace(manifest.Authors), "authors is empty");
        Assert.Equal("expression", manifest.LicenseType);
        Assert.Equal("MIT", manifest.License);
        Assert.StartsWith("https://", manifest.ProjectUrl, StringComparison.Ordinal);
        Assert.StartsWith("https://", manifest.RepositoryUrl, StringComparison.Ordinal);
        Assert.Equal("git", manifest.RepositoryType);
        Assert.Contains("agent", (manifest.Tags ?? string.Empty).Split(' ', ';'));
    }

    [Theory]
    [MemberData(nameof(PackageIds))]
    public void Package_contains_its_readme_assembly_and_xml_docs(string id)
    {
        var manifest = PackageManifest.Read(feed.PackagePath(id));

        Assert.Equal("README.md", manifest.Readme);
        Assert.NotNull(manifest.ReadmeText);
        Assert.StartsWith("# " + id, manifest.ReadmeText, StringComparison.Ordinal);
        Assert.Contains($"lib/net10.0/{id}.dll", manifest.Files);
        Assert.Contains($"lib/net10.0/{id}.xml", manifest.Files);
    }

    [Fact]
    public void Dependencies_follow_the_package_layering()
    {
        var abstractions = PackageManifest.Read(feed.PackagePath("GAgent.Abstractions"));
        var runtime = PackageManifest.Read(feed.PackagePath("GAgent.Runtime"));
        var aspNetCore = PackageManifest.Read(feed.PackagePath("GAgent.AspNetCore"));

        Assert.Contains("Microsoft.Extensions.AI.Abstractions", abstractions.Dependencies.Keys);
        Assert.DoesNotContain(abstractions.Dependencies.Keys, k => k.StartsWith("GAgent.", StringComparison.Ordinal));

        Assert.Equal(feed.Version, runtime.Dependencies.GetValueOrDefault("GAgent.Abstractions"));
        Assert.Contains("OpenAI", runtime.Dependencies.Keys);
        Assert.Empty(runtime.FrameworkReferences);

        Assert.Equal(feed.Version, aspNetCore.Dependencies.GetValueOrDefault("GAgent.Runtime"));
        Assert.Equal(feed.Version, aspNetCore.Dependencies.GetValueOrDefault("GAgent.WebUI.StaticAssets"));
        Assert.Contains("Microsoft.AspNetCore.App", aspNetCore.FrameworkReferences);

        var webUI = PackageManifest.Read(feed.PackagePath("GAgent.WebUI.StaticAssets"));
        Assert.DoesNotContain(webUI.Dependencies.Keys, k => k.StartsWith("GAgent.", StringComparison.Ordinal));
        Assert.Contains("Microsoft.AspNetCore.App", webUI.FrameworkReferences);
    }

    [Fact]
    public void The_web_ui_package_carries_the_built_spa_inside_its_assembly_and_no_sources()
    {
        var path = feed.PackagePath("GAgent.WebUI.StaticAssets");
        var manifest = PackageManifest.Read(path);
        Assert.DoesNotContain(manifest.Files, f => f.Contains("node_modules", StringComparison.Ordinal) || f.StartsWith("web/", StringComparison.Ordinal) || f.StartsWith("content", StringComparison.Ordinal));

        var resources = PackageManifest.ManifestResourceNames(path, "lib/net10.0/GAgent.WebUI.StaticAssets.dll");
        Assert.Contains("GAgent.WebUI/index.html", resources);
        Assert.Contains("GAgent.WebUI/manifest.webmanifest", resources);
        Assert.Contains(resources, r => r.StartsWith("GAgent.WebUI/assets/", StringComparison.Ordinal) && r.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains(resources, r => r.StartsWith("GAgent.WebUI/assets/", StringComparison.Ordinal) && r.EndsWith(".css", StringComparison.Ordinal));
    }
}
