using System.Globalization;

namespace GAgent.LoadTest;

/// <summary>Command-line settings of a load run.</summary>
internal sealed record LoadOptions(int Concurrency, int Tokens, int TokenSize, TimeSpan Duration, TimeSpan Warmup, string? JsonPath)
{
    /// <summary>Run the scale measurements instead of the load scenarios.</summary>
    public bool Scale { get; init; }

    public int ScaleSockets { get; init; } = 10_000;

    public int ScaleSessions { get; init; } = 10_000;

    public int ScaleMessages { get; init; } = 100_000;

    /// <summary>Print which types GAgent's measurement allocated most (sampled), for profiling.</summary>
    public bool AllocationTypes { get; init; }

    /// <summary>How many alternating baseline/GAgent phases the measured time is split into.</summary>
    public int Rounds { get; init; } = 4;

    /// <summary>
    /// The baseline sends each stream's events in one write instead of one write per event: the most any server could
    /// do with a reply that exists all at once, for comparison with GAgent's batching of the events already waiting.
    /// </summary>
    public bool WholeReplyBaseline { get; init; }

    /// <summary>Only the scenarios whose name contains this text; null runs them all.</summary>
    public string? Scenario { get; init; }

    /// <summary>What the harness accepts, printed for --help and after a bad option.</summary>
    public const string Usage = """
        GAgent.LoadTest: GAgent against a bare Kestrel baseline writing the same bytes, over loopback.

        Load scenarios (the default):
          --concurrency N           concurrent clients (64)
          --tokens N                tokens per model reply (200)
          --token-size N            bytes per token (4)
          --duration S              measured seconds per side (10)
          --warmup S                warm-up seconds per side (3)
          --rounds N                alternating baseline/GAgent phases the measured time is split into (4)
          --scenario TEXT           only the scenarios whose name contains TEXT
          --json PATH               also write the results as JSON
          --alloc-types             print the types GAgent allocated most (sampled)
          --whole-reply-baseline    the baseline writes each stream in one write

        Scale runs:
          --scale                   idle WebSockets, session listing, tail read and sustained appends
          --sockets N               idle WebSocket connections (10000)
          --sessions N              sessions to list (10000)
          --messages N              messages in the session read at its tail (100000)
        """;

    /// <summary>True when the arguments ask for the usage text.</summary>
    public static bool WantsHelp(string[] args) => args.Any(static a => a is "--help" or "-h" or "-?");

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions(64, 200, 4, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(3), null);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--scale")
            {
                options = options with { Scale = true };
                continue;
            }

            if (args[i] == "--whole-reply-baseline")
            {
                options = options with { WholeReplyBaseline = true };
                continue;
            }

            if (args[i] == "--alloc-types")
            {
                options = options with { AllocationTypes = true };
                continue;
            }

            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"'{args[i]}' needs a value.");
            var name = args[i];
            options = name switch
            {
                "--concurrency" => options with { Concurrency = Count(name, value) },
                "--tokens" => options with { Tokens = Count(name, value) },
                "--token-size" => options with { TokenSize = Count(name, value) },
                "--duration" => options with { Duration = Seconds(name, value) },
                "--warmup" => options with { Warmup = Seconds(name, value) },
                "--json" => options with { JsonPath = value },
                "--sockets" => options with { ScaleSockets = Count(name, value) },
                "--sessions" => options with { ScaleSessions = Count(name, value) },
                "--messages" => options with { ScaleMessages = Count(name, value) },
                "--scenario" => options with { Scenario = value },
                "--rounds" => options with { Rounds = Count(name, value) },
                _ => throw new ArgumentException($"Unknown option '{name}'."),
            };
            i++;
        }

        return options;
    }

    private static int Count(string name, string value)
        => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"'{name}' needs a whole number above 0, not '{value}'.");

    private static TimeSpan Seconds(string name, string value)
        => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s >= 0 && double.IsFinite(s)
            ? TimeSpan.FromSeconds(s)
            : throw new ArgumentException($"'{name}' needs a number of seconds, not '{value}'.");
}
