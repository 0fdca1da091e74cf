using BenchmarkDotNet.Attributes;
using GAgent.Sessions;
using Microsoft.Extensions.AI;

namespace GAgent.Benchmarks;

/// <summary>
/// The file session store: appending a turn (with fsync at turn end), opening a long session at its tail, and listing
/// 10,000 sessions (the first page, and every page through keyset cursors).
/// </summary>
[MemoryDiagnoser]
public class SessionStoreBenchmarks
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "gagent-bench", Guid.NewGuid().ToString("N"));
    private FileSessionStore _store = null!;
    private StoredMessage[] _turn = null!;

    private FileSessionStore _listed = null!;

    [GlobalSetup(Targets = [nameof(FirstPageOf10000), nameof(EveryPageOf10000)])]
    public async Task SetupListing()
    {
        _listed = new FileSessionStore(Path.Combine(_directory, "listed"));
        await Parallel.ForAsync(0, 10_000, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            await _listed.CreateAsync(new NewSession { Id = $"s{i:D5}", Title = $"Session {i}" }, ct);
            if (i % 3 == 0)
            {
                await _listed.AppendAsync($"s{i:D5}", [Message(ChatRole.User, "hello")], ct);
            }
        });
    }

    [GlobalSetup(Targets = [nameof(AppendTurn), nameof(AppendTurnBuffered), nameof(TailOfLongSession)])]
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

    [Benchmark(Description = "first page of 50 of 10,000 sessions")]
    public ValueTask<SessionPage> FirstPageOf10000() => _listed.ListAsync(new SessionQuery { Limit = 50 });

    [Benchmark(Description = "every page of 200 of 10,000 sessions")]
    public async Task<int> EveryPageOf10000()
    {
        var listed = 0;
        string? cursor = null;
        do
        {
            var page = await _listed.ListAsync(new SessionQuery { Limit = SessionQuery.MaxLimit, Cursor = cursor });
            listed += page.Items.Count;
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return listed;
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        if (_listed is not null)
        {
            await _listed.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    private static StoredMessage Message(ChatRole role, string text) => new() { Id = "msg_" + Guid.NewGuid().ToString("N"), Timestamp = DateTimeOffset.UtcNow, Role = role, Contents = [new TextContent(text)] };
}
