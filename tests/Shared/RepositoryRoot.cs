namespace GAgent.Tests.Shared;

/// <summary>Finds the repository root (the folder holding GAgent.sln) from the test's output directory.</summary>
internal static class RepositoryRoot
{
    private const string SolutionFileName = "GAgent.sln";

    /// <summary>The absolute path of the repository root.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, SolutionFileName)))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No {SolutionFileName} found above {AppContext.BaseDirectory}; tests must run from a build inside the repository.");
    }
}
