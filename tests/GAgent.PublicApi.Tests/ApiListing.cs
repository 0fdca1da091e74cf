using System.Reflection;
using System.Runtime.InteropServices;

namespace GAgent.PublicApi.Tests;

/// <summary>
/// Produces a deterministic, C#-like listing of an assembly's public API. The assembly is read through a
/// <see cref="MetadataLoadContext"/>, so nothing from it is executed and the listing only depends on its metadata.
/// </summary>
public static class ApiListing
{
    /// <summary>Lists the externally visible API of the assembly at <paramref name="assemblyPath"/>.</summary>
    /// <param name="assemblyPath">The compiled assembly.</param>
    /// <param name="typeFilter">Optional filter on top-level visible types (used to list sample types only).</param>
    public static string Generate(string assemblyPath, Func<Type, bool>? typeFilter = null)
    {
        var fullPath = Path.GetFullPath(assemblyPath);
        var resolver = new PathAssemblyResolver(ResolverPaths(fullPath));
        using var context = new MetadataLoadContext(resolver, typeof(object).Assembly.GetName().Name);
        var assembly = context.LoadFromAssemblyPath(fullPath);
        return new ApiListingWriter().Write(assembly, typeFilter ?? (_ => true));
    }

    // The test process's trusted platform assemblies hold the runtime, ASP.NET Core and every package the
    // shipping assemblies reference (the test project references them all); the target's own folder comes first.
    private static List<string> ResolverPaths(string assemblyPath)
    {
        var candidates = new List<string> { assemblyPath };
        candidates.AddRange(Directory.GetFiles(Path.GetDirectoryName(assemblyPath)!, "*.dll"));
        if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string tpa)
        {
            candidates.AddRange(tpa.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        }

        candidates.AddRange(Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll"));

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return candidates.Where(p => seen.Add(Path.GetFileName(p))).ToList();
    }
}
