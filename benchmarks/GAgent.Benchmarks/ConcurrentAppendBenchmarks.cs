using BenchmarkDotNet.Attributes;
using GAgent.Sessions;
using Microsoft.Extensions.AI;

namespace GAgent.Benchmarks;

/// <summary>
/// The file session store under many concurrent conversations: 64 sessions each append a 2-message turn and flush it
/// (fsync), all at once, with the fsyncs spread over <see cref="SyncThreads"/> threads. Reported per message.
/// </summary>
[MemoryDiagnoser]
public class ConcurrentAppendBenchmarks
{
    private const int Sessions = 64;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "gagent-bench", Guid.NewGuid().ToString("N"));
    private FileSessionStore _store = null!;
    private StoredMessage[] _turn = null!;
    private string[] _ids = null!;

    [Params(4, 8, 16)]
    public int SyncThreads { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _store = new FileSessionStore(_directory, timeProvider: null, logger: null, SyncThreads);
        _ids = [.. Enumerable.Range(0, Sessions).Select(i => $"s{i}")];
        foreach (var id in _ids)
        {
            await _store.CreateAsync(new NewSession { Id = id });
        }

        _turn =
        [
            new StoredMessage { Id = "msg_u", Timestamp = DateTimeOffset.UtcNow, Role = ChatRole.User, Contents = [new TextContent("What is the status?")] },
            new StoredMessage { Id = "msg_a", Timestamp = DateTimeOffset.UtcNow, Role = ChatRole.Assistant, Contents = [new TextContent("Everything is running as planned.")] },
        ];
    }

    [Benchmark(Description = "64 sessions append a 2-message turn + fsync at once", OperationsPerInvoke = Sessions * 2)]
    public Task SixtyFourTurns() => Task.WhenAll(_ids.Select(async id =>
    {
        await _store.AppendAsync(id, _turn);
        await _store.FlushAsync(id);
    }));

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _store.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
