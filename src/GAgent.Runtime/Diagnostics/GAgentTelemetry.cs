using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace GAgent.Diagnostics;

/// <summary>The <c>GAgent</c> ActivitySource and Meter; OpenTelemetry picks them up by name.</summary>
internal static class GAgentTelemetry
{
    public const string Name = "GAgent";

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> RunsStarted = Meter.CreateCounter<long>("gagent.runs.started", unit: "{run}", description: "Runs started.");

    public static readonly Counter<long> RunsEnded = Meter.CreateCounter<long>("gagent.runs.ended", unit: "{run}", description: "Runs ended, tagged by status.");

    public static readonly Histogram<double> RunDuration = Meter.CreateHistogram<double>("gagent.run.duration", unit: "s", description: "Wall time of a run.");

    public static readonly Counter<long> Tokens = Meter.CreateCounter<long>("gagent.tokens", unit: "{token}", description: "Tokens used, tagged by direction (input/output) and model.");

    public static readonly Counter<long> ToolCalls = Meter.CreateCounter<long>("gagent.tool.calls", unit: "{call}", description: "Server-side tool calls, tagged by tool and outcome.");
}
