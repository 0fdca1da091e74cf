// Public API snapshot: each shipping assembly's public surface is listed from metadata and compared with
// approved/<Assembly>.txt. On a mismatch the test fails with a diff and writes approved/<Assembly>.received.txt
// (gitignored). After an intended API change, accept it by running the tests with GAGENT_ACCEPT_API=1, which
// rewrites the approved files; review and commit them with the change. See README.md in this folder.
using System.Reflection;
using GAgent.Tests.Shared;

namespace GAgent.PublicApi.Tests;

public sealed class PublicApiSnapshotTests
{
    private const string AcceptVariable = "GAGENT_ACCEPT_API";

    public static TheoryData<string> ShippingAssemblies => new()
    {
        "GAgent.Abstractions",
        "GAgent.Runtime",
        "GAgent.AspNetCore",
        "GAgent.WebUI.StaticAssets",
    };

    [Theory]
    [MemberData(nameof(ShippingAssemblies))]
    public void Public_api_matches_the_approved_listing(string assemblyName)
    {
        // Loaded by name because an assembly may have no public type to name yet; the project reference copies it here.
        var assemblyPath = Assembly.Load(new AssemblyName(assemblyName)).Location;
        Assert.True(File.Exists(assemblyPath), $"{assemblyName} was not found next to the tests ({assemblyPath}).");

        var received = ApiListing.Generate(assemblyPath);
        var approvedDirectory = Path.Combine(RepositoryRoot.Path, "tests", "GAgent.PublicApi.Tests", "approved");
        var approvedPath = Path.Combine(approvedDirectory, assemblyName + ".txt");
        var receivedPath = Path.Combine(approvedDirectory, assemblyName + ".received.txt");

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            Directory.CreateDirectory(approvedDirectory);
            File.WriteAllText(approvedPath, received);
            File.Delete(receivedPath);
            return;
        }

        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath) : string.Empty;
        var diff = LineDiff.Describe(approved, received);
        if (diff.Length == 0)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        Assert.Fail(
            $"The public API of {assemblyName} differs from {approvedPath}" +
            (File.Exists(approvedPath) ? string.Empty : " (no approved file yet)") +
            $".\nReceived listing: {receivedPath}\n" +
            $"If the change is intended, run the tests with {AcceptVariable}=1 and commit the approved file.\n\n{diff}");
    }
}
