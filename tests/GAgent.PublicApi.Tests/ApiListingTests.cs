using GAgent.PublicApi.Tests.Samples;

namespace GAgent.PublicApi.Tests;

public sealed class ApiListingTests
{
    private static readonly Lazy<string> Listing = new(() => ApiListing.Generate(
        typeof(SampleRecord).Assembly.Location,
        t => t.Namespace == typeof(SampleRecord).Namespace));

    [Fact]
    public void Prints_only_the_sample_namespace_under_an_assembly_header()
    {
        var lines = Listing.Value.Split('\n');
        Assert.Equal("assembly GAgent.PublicApi.Tests", lines[0]);
        Assert.Equal("namespace GAgent.PublicApi.Tests.Samples", lines[2]);
        Assert.DoesNotContain("ApiListingTests", Listing.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Sealed_record_shows_kind_positional_ctor_and_init_required_and_nullable_properties()
    {
        AssertMember(
            "  public sealed record SampleRecord",
            "    public SampleRecord(string Name)",
            "    public required int Count { get; init; }",
            "    public string Name { get; init; }",
            "    public string? Note { get; set; }",
            "    public System.Collections.Generic.IReadOnlyList<string?> Tags { get; init; }");
    }

    [Fact]
    public void Record_synthesized_members_are_left_out()
    {
        var record = TypeBlock("  public sealed record SampleRecord");
        Assert.DoesNotContain("EqualityContract", record, StringComparison.Ordinal);
        Assert.DoesNotContain("PrintMembers", record, StringComparison.Ordinal);
        Assert.DoesNotContain("operator ==", record, StringComparison.Ordinal);
        Assert.DoesNotContain("Deconstruct", record, StringComparison.Ordinal);
        Assert.DoesNotContain("System.IEquatable", record, StringComparison.Ordinal);
    }

    [Fact]
    public void Abstract_class_shows_constants_fields_events_indexers_and_accessor_visibility()
    {
        AssertMember(
            "  public abstract class SampleBase",
            "    public static readonly int DefaultSize",
            "    public const string Greeting = \"say \\\"hi\\\"\"",
            "    protected SampleBase()",
            "    public int this[int index] { get; }",
            "    public abstract string Kind { get; }",
            "    public virtual int Size { get; protected set; }",
            "    public event System.EventHandler? Changed",
            "    protected void Touch()");
        Assert.DoesNotContain("Hidden", Listing.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Methods_show_modifiers_parameter_kinds_and_default_values()
    {
        AssertMember(
            "  public sealed class SampleDerived : GAgent.PublicApi.Tests.Samples.SampleBase, System.IDisposable",
            "    public SampleDerived()",
            "    public override string Kind { get; }",
            "    public static GAgent.PublicApi.Tests.Samples.SampleDerived Create(string name, int count = 3, GAgent.PublicApi.Tests.Samples.SampleColor color = GAgent.PublicApi.Tests.Samples.SampleColor.Green, string? label = null, System.Threading.CancellationToken cancellationToken = default)",
            "    public void Dispose()",
            "    public static bool TryParse(string text, out GAgent.PublicApi.Tests.Samples.SampleDerived? result, ref int cursor, in long anchor, params object[] rest)");
    }

    [Fact]
    public void Generic_interface_shows_variance_constraints_and_nullable_type_parameters()
    {
        AssertMember(
            "  public interface ISampleStore<in TKey, TValue> where TValue : class, new()",
            "    public TValue? Find(TKey key)",
            "    public System.Threading.Tasks.Task<System.Collections.Generic.IReadOnlyList<TValue>> ListAsync(int limit = 10, System.Threading.CancellationToken cancellationToken = default)");
    }

    [Fact]
    public void Static_extensions_show_this_generic_constraints_and_obsolete()
    {
        AssertMember(
            "  public static class SampleExtensions",
            "    [System.Obsolete(\"Use Twice.\")]",
            "    public static int Legacy(this int value)",
            "    public static T Twice<T>(this T value) where T : struct");
    }

    [Fact]
    public void Enums_delegates_and_record_structs_have_their_own_shapes()
    {
        Assert.Contains("  [System.Flags]\n  public enum SampleColor\n", Listing.Value, StringComparison.Ordinal);
        AssertMember("  public enum SampleColor", "    None = 0", "    Red = 1", "    Green = 2", "    Blue = 4");
        Assert.Contains("  public delegate System.Threading.Tasks.Task SampleHandler(string? name, int attempt)\n", Listing.Value, StringComparison.Ordinal);
        AssertMember("  public readonly record struct SamplePoint", "    public SamplePoint(int X, int Y)", "    public int X { get; init; }", "    public int Y { get; init; }");
    }

    [Fact]
    public void Listing_is_deterministic()
    {
        var again = ApiListing.Generate(typeof(SampleRecord).Assembly.Location, t => t.Namespace == typeof(SampleRecord).Namespace);
        Assert.Equal(Listing.Value, again);
    }

    [Fact]
    public void Line_diff_reports_removed_and_added_lines_with_context()
    {
        var diff = LineDiff.Describe("a\nb\nc\nd\n", "a\nb\nX\nd\n", context: 1);
        Assert.Equal("@@ approved line 2, received line 2 @@\n  b\n- c\n+ X\n  d\n", diff);
        Assert.Empty(LineDiff.Describe("a\r\nb\r\n", "a\nb\n"));
    }

    // The first line opens the type block; the rest must appear in that order right below it (members are sorted).
    private static void AssertMember(string header, params string[] lines)
    {
        var block = TypeBlock(header);
        var position = 0;
        foreach (var line in lines)
        {
            var index = block.IndexOf(line + "\n", position, StringComparison.Ordinal);
            Assert.True(index >= 0, $"Expected line (in order) not found:\n{line}\nin:\n{block}");
            position = index + line.Length;
        }
    }

    // The type's header line (matched up to its base list) followed by its member lines.
    private static string TypeBlock(string header)
    {
        var lines = Listing.Value.Split('\n');
        var start = Array.FindIndex(lines, l => l == header || l.StartsWith(header + " ", StringComparison.Ordinal));
        Assert.True(start >= 0, $"Type header not found: {header}\nin:\n{Listing.Value}");
        var block = lines.Skip(start + 1).TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal));
        return string.Join("\n", new[] { lines[start] }.Concat(block)) + "\n";
    }
}
