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
            options = args[i] switch
            {
                "--concurrency" => options with { Concurrency = int.Parse(value, CultureInfo.InvariantCulture) },
                "--tokens" => options with { Tokens = int.Parse(value, CultureInfo.InvariantCulture) },
                "--token-size" => options with { TokenSize = int.Parse(value, CultureInfo.InvariantCulture) },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--json" => options with { JsonPath = value },
                "--sockets" => options with { ScaleSockets = int.Parse(value, CultureInfo.InvariantCulture) },
                "--sessions" => options with { ScaleSessions = int.Parse(value, CultureInfo.InvariantCulture) },
                "--messages" => options with { ScaleMessages = int.Parse(value, CultureInfo.InvariantCulture) },
                "--scenario" => options with { Scenario = value },
                "--rounds" => options with { Rounds = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'. Options: --concurrency N --tokens N --token-size N --duration S --warmup S --json PATH --scenario TEXT --alloc-types --whole-reply-baseline; --scale [--sockets N --sessions N --messages N]"),
            };
            i++;
        }

        return options;
    }
}
