using BenchmarkDotNet.Attributes;
using GAgent.Sessions;
using Microsoft.Extensions.AI;

namespace GAgent.Benchmarks;

/// <summary>The file session store: appending a turn (with fsync at turn end) and opening a long session at its tail.</summary>
[MemoryDiagnoser]
public class SessionStoreBenchmarks
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "gagent-bench", Guid.NewGuid().ToString("N"));
    private FileSessionStore _store = null!;
    private StoredMessage[] _turn = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _store = new FileSessionStore(_directory);
        await _store.CreateAsync(new NewSession { Id = "append" });
        await _store.CreateAsync(new NewSession { Id = "long" });
        _turn = [Message(ChatRole.User, "What is the weather like in Lisbon today?"), Message(ChatRole.Assistant, "Sunny, 24 degrees, a light breeze from the west.")];
        for (var i = 0; i < 100_000; i += 500)
        {
            await _store.AppendAsync("long", [.. Enumerable.Range(i, 500).Select(n => Message(n % 2 == 0 ? ChatRole.User : ChatRole.Assistant, "message number " + n))]);
        }

        await _store.FlushAsync("long");
    }

    [Benchmark(Description = "append a 2-message turn + fsync")]
    public async Task AppendTurn()
    {
        await _store.AppendAsync("append", _turn);
        await _store.FlushAsync("append");
    }

    [Benchmark(Description = "append a 2-message turn, no fsync")]
    public ValueTask<SessionInfo> AppendTurnBuffered() => _store.AppendAsync("append", _turn);

    [Benchmark(Description = "last 50 of 100,000 messages")]
    public ValueTask<MessagePage> TailOfLongSession() => _store.ReadMessagesAsync("long", new MessageQuery { Limit = 50 });

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    private static StoredMessage Message(ChatRole role, string text) => new() { Id = "msg_" + Guid.NewGuid().ToString("N"), Timestamp = DateTimeOffset.UtcNow, Role = role, Contents = [new TextContent(text)] };
}
