using GAgent.Tests.Shared;

namespace GAgent.Packaging.Tests;

/// <summary>
/// Packs the shipping projects once into a temporary folder feed. Builds go to a private artifacts folder so the
/// repository's own bin/ and obj/ (and their restore state) are never touched.
/// </summary>
public sealed class PackedFeedFixture : IAsyncLifetime, IDisposable
{
    public const string VersionSuffix = "ci";

    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(6);

    private readonly TempDirectory _root = new("gagent-packaging");

    public static IReadOnlyList<string> PackageIds { get; } = ["GAgent.Abstractions", "GAgent.Runtime", "GAgent.WebUI.StaticAssets", "GAgent.AspNetCore"];

    public string RootDirectory => _root.Path;

    public string FeedDirectory => Path.Combine(_root.Path, "feed");

    /// <summary>The package version the pack produced, e.g. <c>0.1.0-ci</c>, as MSBuild computes it.</summary>
    public string Version { get; private set; } = string.Empty;

    public string PackagePath(string id) => Path.Combine(FeedDirectory, $"{id}.{Version}.nupkg");

    public async Task InitializeAsync()
    {
        var repository = RepositoryRoot.Path;
        var versionResult = await DotNetCli.RunAsync(
            ["msbuild", ProjectPath(PackageIds[0]), "-getProperty:PackageVersion", $"-p:VersionSuffix={VersionSuffix}"],
            repository,
            TimeSpan.FromMinutes(2));
        Version = versionResult.EnsureSuccess().Output.Trim();

        // GAgent.AspNetCore first: it builds the whole chain (the web UI's npm build included), so the other packs only package.
        foreach (var id in PackageIds.Reverse())
        {
            var result = await DotNetCli.RunAsync(
                [
                    "pack", ProjectPath(id),
                    "-c", "Release",
                    $"-p:VersionSuffix={VersionSuffix}",
                    "--output", FeedDirectory,
                    "--artifacts-path", Path.Combine(_root.Path, "artifacts"),
                    .. DotNetCli.NoLingeringProcesses,
                    .. DotNetCli.QuietBuild,
                ],
                repository,
                PackTimeout);
            result.EnsureSuccess();
        }
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _root.Dispose();

    private static string ProjectPath(string id) => Path.Combine(RepositoryRoot.Path, "src", id, id + ".csproj");
}
