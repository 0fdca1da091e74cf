using System.Globalization;

namespace GAgent.LoadTest;

/// <summary>Command-line settings of a load run.</summary>
internal sealed record LoadOptions(int Concurrency, int Tokens, int TokenSize, TimeSpan Duration, TimeSpan Warmup, string? JsonPath)
{
    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions(64, 200, 4, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(3), null);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"'{args[i]}' needs a value.");
            options = args[i] switch
            {
                "--concurrency" => options with { Concurrency = int.Parse(value, CultureInfo.InvariantCulture) },
                "--tokens" => options with { Tokens = int.Parse(value, CultureInfo.InvariantCulture) },
                "--token-size" => options with { TokenSize = int.Parse(value, CultureInfo.InvariantCulture) },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--json" => options with { JsonPath = value },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'. Options: --concurrency N --tokens N --token-size N --duration S --warmup S --json PATH"),
            };
            i++;
        }

        return options;
    }
}
