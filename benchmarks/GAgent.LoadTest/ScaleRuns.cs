using System.Diagnostics;
using GAgent.Sessions;
using Microsoft.Extensions.AI;

namespace GAgent.LoadTest;

/// <summary>
/// The scale runs of issue 7 against a GAgent host with the default file session store: idle WebSocket memory,
/// listing many sessions, the tail of a very long session, and sustained appends with fsync at turn end.
/// </summary>
internal static class ScaleRuns
{
    public static async Task<List<ScaleResult>> RunAsync(LoadOptions options, string dataDirectory)
    {
        var results = new List<ScaleResult>();
        await using var host = await Servers.StartGAgentAsync(options, dataDirectory, fileStore: true, maxSockets: options.ScaleSockets + 100).ConfigureAwait(false);
        var address = Servers.Address(host);
        var store = host.Services.GetRequiredService<ISessionStore>();
        using var http = new HttpClient { BaseAddress = address };

        Console.Error.WriteLine($"Opening {options.ScaleSockets} idle WebSockets...");
        results.Add(await IdleSocketMemoryAsync(address, options.ScaleSockets).ConfigureAwait(false));

        Console.Error.WriteLine($"Creating {options.ScaleSessions} sessions...");
        results.AddRange(await ListingAsync(store, http, options.ScaleSessions).ConfigureAwait(false));

        Console.Error.WriteLine($"Writing a {options.ScaleMessages}-message session...");
        results.Add(await TailAsync(store, http, options.ScaleMessages).ConfigureAwait(false));

        Console.Error.WriteLine("Sustained appends...");
        results.Add(await SustainedAppendsAsync(store, concurrency: 64, TimeSpan.FromSeconds(5)).ConfigureAwait(false));
        return results;
    }

    private static async Task<ScaleResult> IdleSocketMemoryAsync(Uri address, int count)
    {
        var before = Memory();
        using var child = await IdleSockets.OpenAsync(new UriBuilder(address) { Scheme = "ws", Path = "/api/ws" }.Uri, count).ConfigureAwait(false);
        await Task.Delay(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        var after = Memory();
        child.StandardInput.Close();
        await child.WaitForExitAsync().ConfigureAwait(false);
        var perSocket = (after - before) / (double)count / 1024;
        return new ScaleResult($"{count:N0} idle WebSocket connections: server memory per connection (working set)", perSocket, "KB", "<= 30 KB", perSocket <= 30);
    }

    private static async Task<IEnumerable<ScaleResult>> ListingAsync(ISessionStore store, HttpClient http, int count)
    {
        var message = new StoredMessage { Id = "msg_scale", Timestamp = DateTimeOffset.UtcNow, Role = ChatRole.User, Contents = [new TextContent("hello")] };
        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync().ConfigureAwait(false);
            try
            {
                var session = await store.CreateAsync(new NewSession { Id = $"scale-{i:D6}", Title = $"Session {i}" }).ConfigureAwait(false);
                await store.AppendAsync(session.Id, [message with { Id = $"msg_{i}" }]).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);

        var firstPage = await TimeAsync(20, async () => (await http.GetAsync("/api/sessions?limit=50").ConfigureAwait(false)).EnsureSuccessStatusCode().Dispose()).ConfigureAwait(false);
        var everything = await TimeAsync(5, async () =>
        {
            string? cursor = null;
            var listed = 0;
            do
            {
                var page = await store.ListAsync(new SessionQuery { Limit = SessionQuery.MaxLimit, Cursor = cursor }).ConfigureAwait(false);
                listed += page.Items.Count;
                cursor = page.NextCursor;
            }
            while (cursor is not null);

            if (listed < count)
            {
                throw new InvalidOperationException($"Listed {listed} sessions, expected at least {count}.");
            }
        }).ConfigureAwait(false);
        return
        [
            new ScaleResult($"list {count:N0} sessions: first page of 50 over HTTP, p50", firstPage, "ms", "<= 50 ms", firstPage <= 50),
            new ScaleResult($"list {count:N0} sessions: every page through the store, p50", everything, "ms", "<= 50 ms", everything <= 50),
        ];
    }

    private static async Task<ScaleResult> TailAsync(ISessionStore store, HttpClient http, int count)
    {
        const string id = "scale-long";
        await store.CreateAsync(new NewSession { Id = id }).ConfigureAwait(false);
        var batch = new List<StoredMessage>(500);
        for (var i = 0; i < count; i++)
        {
            batch.Add(new StoredMessage { Id = $"msg_{i}", Timestamp = DateTimeOffset.UtcNow, Role = i % 2 == 0 ? ChatRole.User : ChatRole.Assistant, Contents = [new TextContent($"Message number {i} of a very long conversation.")] });
            if (batch.Count == batch.Capacity)
            {
                await store.AppendAsync(id, batch).ConfigureAwait(false);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await store.AppendAsync(id, batch).ConfigureAwait(false);
        }

        await store.FlushAsync(id).ConfigureAwait(false);
        var tail = await TimeAsync(20, async () => (await http.GetAsync($"/api/sessions/{id}/messages?limit=50").ConfigureAwait(false)).EnsureSuccessStatusCode().Dispose()).ConfigureAwait(false);
        return new ScaleResult($"last 50 messages of a {count:N0}-message session over HTTP, p50", tail, "ms", "<= 10 ms", tail <= 10);
    }

    private static async Task<ScaleResult> SustainedAppendsAsync(ISessionStore store, int concurrency, TimeSpan duration)
    {
        var ids = new string[concurrency];
        for (var i = 0; i < concurrency; i++)
        {
            ids[i] = (await store.CreateAsync(new NewSession { Id = $"scale-append-{i}" }).ConfigureAwait(false)).Id;
        }

        long messages = 0;
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(ids.Select(id => Task.Run(async () =>
        {
            var turn = 0;
            while (Stopwatch.GetTimestamp() < until)
            {
                // One turn: the user's message and the answer, then the fsync the agent loop does at turn end.
                await store.AppendAsync(id,
                [
                    new StoredMessage { Id = $"msg_{id}_{turn}_u", Timestamp = DateTimeOffset.UtcNow, Role = ChatRole.User, Contents = [new TextContent("What is the status?")] },
                    new StoredMessage { Id = $"msg_{id}_{turn}_a", Timestamp = DateTimeOffset.UtcNow, Role = ChatRole.Assistant, Contents = [new TextContent("Everything is running as planned.")] },
                ]).ConfigureAwait(false);
                await store.FlushAsync(id).ConfigureAwait(false);
                Interlocked.Add(ref messages, 2);
                turn++;
            }
        }))).ConfigureAwait(false);
        var rate = messages / watch.Elapsed.TotalSeconds;
        return new ScaleResult($"sustained appends, {concurrency} sessions, 2-message turns with fsync at each turn end", rate, "messages/s", ">= 20,000 messages/s", rate >= 20_000);
    }

    private static long Memory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    /// <summary>The median of <paramref name="runs"/> timed runs, after one untimed warm-up run.</summary>
    private static async Task<double> TimeAsync(int runs, Func<Task> action)
    {
        await action().ConfigureAwait(false);
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await action().ConfigureAwait(false);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }
}
