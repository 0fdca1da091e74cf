using BenchmarkDotNet.Attributes;
using GAgent.Agent;
using GAgent.Events;

namespace GAgent.Benchmarks;

/// <summary>Appending a run's text deltas to its journal while N subscribers follow it live (every delta is an event).</summary>
[MemoryDiagnoser]
public class JournalBenchmarks
{
    private const int Events = 1000;

    [Params(1, 8)]
    public int Subscribers { get; set; }

    [Benchmark(OperationsPerInvoke = Events, Description = "append + fan-out, per event")]
    public async Task AppendAndFollow()
    {
        var journal = new RunJournal("run_bench", "s", 4096, TimeProvider.System);
        var readers = new Task<int>[Subscribers];
        for (var i = 0; i < readers.Length; i++)
        {
            readers[i] = ReadAsync(journal);
        }

        var message = new MessageText();
        for (var i = 0; i < Events; i++)
        {
            journal.AppendDelta(RunDeltaKind.Text, "m", "x ", message);
        }

        journal.Complete();
        await Task.WhenAll(readers).ConfigureAwait(false);
    }

    private static async Task<int> ReadAsync(RunJournal journal)
    {
        var count = 0;
        await foreach (var _ in journal.ReadAsync(0, GAgent.Runs.RunEventDelivery.EveryDelta, CancellationToken.None).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }
}
