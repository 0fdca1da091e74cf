using BenchmarkDotNet.Attributes;
using GAgent.Agent;
using GAgent.Events;

namespace GAgent.Benchmarks;

/// <summary>Appending a run's events to its journal while N subscribers follow it live.</summary>
[MemoryDiagnoser]
public class JournalBenchmarks
{
    private const int Events = 1000;

    [Params(1, 8)]
    public int Subscribers { get; set; }

    [Benchmark(OperationsPerInvoke = Events, Description = "append + fan-out, per event")]
    public async Task AppendAndFollow()
    {
        var journal = new RunJournal("run_bench", 4096);
        var readers = new Task<int>[Subscribers];
        for (var i = 0; i < readers.Length; i++)
        {
            readers[i] = ReadAsync(journal);
        }

        var now = DateTimeOffset.UtcNow;
        for (var sequence = 1; sequence <= Events; sequence++)
        {
            journal.Append(new TextMessageContentEvent { RunId = "run_bench", SessionId = "s", Sequence = sequence, Timestamp = now, MessageId = "m", Delta = "x " });
        }

        journal.Complete();
        await Task.WhenAll(readers).ConfigureAwait(false);
    }

    private static async Task<int> ReadAsync(RunJournal journal)
    {
        var count = 0;
        await foreach (var _ in journal.ReadAsync(0, CancellationToken.None).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }
}
