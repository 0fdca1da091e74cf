using System.IO.Compression;
using System.Xml.Linq;

namespace GAgent.Packaging.Tests;

/// <summary>The parts of a .nupkg this suite checks: the .nuspec metadata and the list of files.</summary>
internal sealed class PackageManifest
{
    private readonly XElement _metadata;

    private PackageManifest(XElement metadata, IReadOnlyList<string> files, string? readmeText)
    {
        _metadata = metadata;
        Files = files;
        ReadmeText = readmeText;
    }

    public IReadOnlyList<string> Files { get; }

    public string? ReadmeText { get; }

    public string? Id => Value("id");

    public string? Version => Value("version");

    public string? Description => Value("description");

    public string? Authors => Value("authors");

    public string? Tags => Value("tags");

    public string? ProjectUrl => Value("projectUrl");

    public string? Readme => Value("readme");

    public string? License => Value("license");

    public string? LicenseType => Element("license")?.Attribute("type")?.Value;

    public string? RepositoryUrl => Element("repository")?.Attribute("url")?.Value;

    public string? RepositoryType => Element("repository")?.Attribute("type")?.Value;

    /// <summary>Dependencies of every target framework group, as id to version range.</summary>
    public IReadOnlyDictionary<string, string> Dependencies => _metadata
        .Descendants().Where(e => e.Name.LocalName == "dependency")
        .ToDictionary(e => (string)e.Attribute("id")!, e => (string?)e.Attribute("version") ?? string.Empty, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> FrameworkReferences => _metadata
        .Descendants().Where(e => e.Name.LocalName == "frameworkReference")
        .Select(e => (string)e.Attribute("name")!)
        .ToList();

    public static PackageManifest Read(string nupkgPath)
    {
        using var zip = ZipFile.OpenRead(nupkgPath);
        var nuspec = zip.Entries.Single(e => !e.FullName.Contains('/', StringComparison.Ordinal) && e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
        XDocument document;
        using (var stream = nuspec.Open())
        {
            document = XDocument.Load(stream);
        }

        var metadata = document.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        var readmePath = metadata.Elements().FirstOrDefault(e => e.Name.LocalName == "readme")?.Value;
        string? readmeText = null;
        if (readmePath is not null && zip.GetEntry(readmePath.Replace('\\', '/')) is { } readmeEntry)
        {
            using var reader = new StreamReader(readmeEntry.Open());
            readmeText = reader.ReadToEnd();
        }

        return new PackageManifest(metadata, zip.Entries.Select(e => e.FullName).ToList(), readmeText);
    }

    /// <summary>The manifest resource names of an assembly inside the package.</summary>
    public static IReadOnlyList<string> ManifestResourceNames(string nupkgPath, string assemblyPath)
    {
        using var zip = ZipFile.OpenRead(nupkgPath);
        var entry = zip.GetEntry(assemblyPath) ?? throw new InvalidOperationException($"{assemblyPath} is not in {nupkgPath}.");
        using var buffer = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(buffer);
        }

        buffer.Position = 0;
        using var pe = new System.Reflection.PortableExecutable.PEReader(buffer);
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        return [.. metadata.ManifestResources.Select(handle => metadata.GetString(metadata.GetManifestResource(handle).Name))];
    }

    private XElement? Element(string name) => _metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    private string? Value(string name) => Element(name)?.Value;
}
