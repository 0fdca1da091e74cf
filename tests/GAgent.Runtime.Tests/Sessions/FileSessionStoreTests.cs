using System.Text;
using System.Text.Json;
using GAgent.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GAgent.Runtime.Tests.Sessions;

/// <summary>The conformance suite over the file store, plus what only a file store can get wrong: durability and recovery.</summary>
public sealed class FileSessionStoreTests : SessionStoreConformanceTests
{
    private readonly string _root = Path.Join(Path.GetTempPath(), "gagent-tests", Guid.NewGuid().ToString("N"));

    public FileSessionStoreTests() => Directory.CreateDirectory(_root);

    private string StoreDirectory => Path.Join(_root, "sessions");

    private ListLogger<FileSessionStore> Logger { get; } = new();

    protected override ISessionStore CreateStore(TimeProvider time) => new FileSessionStore(StoreDirectory, time, Logger);

    private readonly List<FileSessionStore> _reopened = [];

    /// <summary>A second store over the same directory, as after a restart; the first one is not closed unless the test closes it.</summary>
    private FileSessionStore Reopen(ListLogger<FileSessionStore>? logger = null)
    {
        var store = new FileSessionStore(StoreDirectory, Time, logger ?? Logger);
        _reopened.Add(store);
        return store;
    }

    /// <summary>A clean shutdown of <see cref="SessionStoreConformanceTests.Store"/>, as the host's service provider does it.</summary>
    private ValueTask CloseAsync() => ((FileSessionStore)Store).DisposeAsync();

    private string JsonlPath(string id) => Path.Join(StoreDirectory, id + ".jsonl");

    private string MetaPath(string id) => Path.Join(StoreDirectory, id + ".meta.json");

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _reopened.ForEach(static s => s.Dispose());
            if (Directory.Exists(_root))
            {
                Directory.Delete(_root, recursive: true);
            }
        }
    }

    private static async Task<List<string>> ReadAllIdsAsync(ISessionStore store, string id)
    {
        var ids = new List<string>();
        long? before = null;
        MessagePage page;
        do
        {
            page = await store.ReadMessagesAsync(id, new MessageQuery { Limit = MessageQuery.MaxLimit, Before = before });
            ids.InsertRange(0, page.Items.Select(m => m.Id));
            before = page.FirstIndex;
        }
        while (page.HasMore);

        return ids;
    }

    private static void AppendRaw(string path, string text)
    {
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write);
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    private static void AssertEveryLineIsCompleteJson(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal((byte)'\n', bytes[^1]);
        foreach (var line in Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var doc = JsonDocument.Parse(line);
            Assert.Equal(JsonValueKind.Object, doc.RootElement.ValueKind);
        }
    }

    [Fact]
    public async Task Files_are_a_header_line_plus_one_line_per_message_and_a_sidecar()
    {
        await Store.CreateAsync(new NewSession { Id = "s", Title = "t" });
        await Store.AppendAsync("s", Messages(0, 3));
        Time.Advance(FileSessionStore.SidecarLagBound);
        await Store.FlushAsync("s");

        var lines = File.ReadAllLines(JsonlPath("s"));
        Assert.Equal(4, lines.Length);
        using (var header = JsonDocument.Parse(lines[0]))
        {
            Assert.Equal("gagent.session", header.RootElement.GetProperty("format").GetString());
            Assert.Equal(1, header.RootElement.GetProperty("version").GetInt32());
            Assert.Equal("s", header.RootElement.GetProperty("id").GetString());
            Assert.Equal(Start, header.RootElement.GetProperty("createdAt").GetDateTimeOffset());
        }

        using (var first = JsonDocument.Parse(lines[1]))
        {
            Assert.Equal("msg_00000", first.RootElement.GetProperty("id").GetString());
            Assert.Equal("user", first.RootElement.GetProperty("role").GetString());
            Assert.Equal("text", first.RootElement.GetProperty("contents")[0].GetProperty("$type").GetString());
        }

        using var meta = JsonDocument.Parse(File.ReadAllBytes(MetaPath("s")));
        Assert.Equal(3, meta.RootElement.GetProperty("messageCount").GetInt64());
        Assert.Equal(new FileInfo(JsonlPath("s")).Length, meta.RootElement.GetProperty("length").GetInt64());
        Assert.Equal("t", meta.RootElement.GetProperty("title").GetString());
        Assert.Empty(Directory.GetFiles(StoreDirectory, "*.tmp"));
    }

    [Fact]
    public async Task Sessions_survive_a_new_store_instance()
    {
        await Store.CreateAsync(new NewSession { Id = "a", Title = "First", ProfileId = "p" });
        Time.Advance(TimeSpan.FromSeconds(1));
        await Store.CreateAsync(new NewSession { Id = "b" });
        await Store.AppendAsync("a", Messages(0, 30));
        await Store.FlushAsync("a");
        await Store.UpdateAsync("b", new SessionPatch { Pinned = true, Title = "Second" });
        var expected = (await Store.ListAsync(new SessionQuery())).Items;
        await CloseAsync();

        var reopened = Reopen();

        Assert.Equal(expected, (await reopened.ListAsync(new SessionQuery())).Items);
        Assert.Equal(Messages(0, 30).Select(m => m.Id), await ReadAllIdsAsync(reopened, "a"));
        var page = await reopened.ReadMessagesAsync("a", new MessageQuery { Limit = 1 });
        Assert.Equal("text 29", page.Items[0].Text);
        Assert.DoesNotContain(Logger.Entries, e => e.Level >= LogLevel.Warning);

        // The clean shutdown left every sidecar current: the restart did not have to count any lines.
        Assert.False(Logger.Has(LogLevel.Information, 1112));
    }

    [Fact]
    public async Task Appends_without_a_flush_are_recounted_from_a_stale_sidecar()
    {
        await Store.CreateAsync(new NewSession { Id = "s", Title = "kept" });
        await Store.AppendAsync("s", Messages(0, 5));
        await Store.FlushAsync("s");
        await Store.AppendAsync("s", Messages(5, 3));

        var reopened = Reopen();
        var info = await reopened.GetAsync("s");

        Assert.NotNull(info);
        Assert.Equal(8, info.MessageCount);
        Assert.Equal("kept", info.Title);
        Assert.Equal(Messages(0, 8).Select(m => m.Id), await ReadAllIdsAsync(reopened, "s"));

        // The sidecar still describes the file up to a line end: normal after an unclean stop, not a warning.
        Assert.True(Logger.Has(LogLevel.Information, 1112));
        Assert.DoesNotContain(Logger.Entries, e => e.Level >= LogLevel.Warning);

        // A flush once the bound has passed brings the sidecar up to date, so a further restart needs no repair.
        await reopened.FlushAsync("s");
        var early = new ListLogger<FileSessionStore>();
        Assert.Equal(8, (await Reopen(early).GetAsync("s"))!.MessageCount);
        Assert.True(early.Has(LogLevel.Information, 1112));
        Time.Advance(FileSessionStore.SidecarLagBound);
        await reopened.FlushAsync("s");
        var quiet = new ListLogger<FileSessionStore>();
        Assert.Equal(8, (await Reopen(quiet).GetAsync("s"))!.MessageCount);
        Assert.False(quiet.Has(LogLevel.Information, 1112));
        Assert.False(quiet.Has(LogLevel.Warning, 1100));
    }

    [Fact]
    public async Task A_sidecar_with_a_wrong_length_is_reconciled()
    {
        await Store.CreateAsync(new NewSession { Id = "s", Title = "t" });
        await Store.AppendAsync("s", Messages(0, 4));
        await Store.FlushAsync("s");
        await CloseAsync();
        var meta = File.ReadAllText(MetaPath("s"));
        var length = new FileInfo(JsonlPath("s")).Length;
        File.WriteAllText(MetaPath("s"), meta.Replace($"\"length\":{length}", "\"length\":12", StringComparison.Ordinal).Replace("\"messageCount\":4", "\"messageCount\":1", StringComparison.Ordinal));

        var reopened = Reopen();

        Assert.Equal(4, (await reopened.GetAsync("s"))!.MessageCount);
        Assert.Equal("t", (await reopened.GetAsync("s"))!.Title);
        Assert.Equal(Messages(0, 4).Select(m => m.Id), await ReadAllIdsAsync(reopened, "s"));
        Assert.True(Logger.Has(LogLevel.Warning, 1100));
        Assert.False(Logger.Has(LogLevel.Information, 1112));
    }

    [Fact]
    public async Task A_missing_sidecar_is_recovered_from_the_header()
    {
        await Store.CreateAsync(new NewSession { Id = "s", Title = "lost" });
        Time.Advance(TimeSpan.FromMinutes(1));
        await Store.AppendAsync("s", Messages(0, 6));
        await Store.FlushAsync("s");
        File.Delete(MetaPath("s"));

        var reopened = Reopen();
        var info = await reopened.GetAsync("s");

        Assert.NotNull(info);
        Assert.Equal(Start, info.CreatedAt);
        Assert.Equal(6, info.MessageCount);
        Assert.Null(info.Title);
        Assert.Equal(Messages(0, 6).Select(m => m.Id), await ReadAllIdsAsync(reopened, "s"));
        Assert.True(Logger.Has(LogLevel.Warning, 1101));

        await reopened.AppendAsync("s", Messages(6, 1));
        await reopened.FlushAsync("s");
        Assert.True(File.Exists(MetaPath("s")));
        Assert.Equal(7, (await Reopen().GetAsync("s"))!.MessageCount);
    }

    [Fact]
    public async Task A_torn_last_line_is_ignored_after_a_crash_and_cut_off_before_the_next_append()
    {
        await Store.CreateAsync(new NewSession { Id = "s" });
        await Store.AppendAsync("s", Messages(0, 3));
        await Store.FlushAsync("s");
        await CloseAsync();
        // Longer than the next append, so overwriting in place alone would leave part of it behind.
        var torn = "{\"id\":\"msg_torn\",\"role\":\"user\",\"contents\":[{\"$type\":\"text\",\"text\":\"" + new string('z', 4000);
        AppendRaw(JsonlPath("s"), torn);

        var reopened = Reopen();
        var info = await reopened.GetAsync("s");
        Assert.Equal(3, info!.MessageCount);
        Assert.Equal(Start, info.UpdatedAt);
        Assert.Equal(Messages(0, 3).Select(m => m.Id), await ReadAllIdsAsync(reopened, "s"));

        await reopened.AppendAsync("s", Messages(3, 2));
        await reopened.FlushAsync("s");

        AssertEveryLineIsCompleteJson(JsonlPath("s"));
        Assert.DoesNotContain("msg_torn", File.ReadAllText(JsonlPath("s")), StringComparison.Ordinal);
        Assert.True(Logger.Has(LogLevel.Warning, 1102));
        var again = Reopen();
        Assert.Equal(Messages(0, 5).Select(m => m.Id), await ReadAllIdsAsync(again, "s"));
        Assert.Equal(5, (await again.GetAsync("s"))!.MessageCount);
    }

    [Fact]
    public async Task A_complete_but_invalid_last_line_is_treated_as_torn()
    {
        await Store.CreateAsync(new NewSession { Id = "s" });
        await Store.AppendAsync("s", Messages(0, 2));
        await Store.FlushAsync("s");
        AppendRaw(JsonlPath("s"), "{\"id\":\"msg_half\",\"conte\n");

        var reopened = Reopen();
        Assert.Equal(2, (await reopened.GetAsync("s"))!.MessageCount);

        await reopened.AppendAsync("s", Messages(2, 1));
        AssertEveryLineIsCompleteJson(JsonlPath("s"));
        Assert.Equal(Messages(0, 3).Select(m => m.Id), await ReadAllIdsAsync(Reopen(), "s"));
    }

    [Fact]
    public async Task Bytes_written_behind_a_live_store_are_ignored_and_cut_off()
    {
        await Store.CreateAsync(new NewSession { Id = "s" });
        await Store.AppendAsync("s", Messages(0, 2));
        AppendRaw(JsonlPath("s"), "{\"id\":\"partial" + new string('z', 2000));

        Assert.Equal(Messages(0, 2).Select(m => m.Id), await ReadAllIdsAsync(Store, "s"));
        await Store.AppendAsync("s", Messages(2, 2));

        AssertEveryLineIsCompleteJson(JsonlPath("s"));
        Assert.Equal(Messages(0, 4).Select(m => m.Id), await ReadAllIdsAsync(Store, "s"));
    }

    [Fact]
    public async Task A_corrupt_line_in_the_middle_is_skipped_with_a_warning()
    {
        await Store.CreateAsync(new NewSession { Id = "s" });
        await Store.AppendAsync("s", Messages(0, 10));
        await Store.FlushAsync("s");
        var bytes = File.ReadAllBytes(JsonlPath("s"));
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length - 1; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        // Message 4 is line 5; overwrite its bytes but keep its newline.
        Array.Fill(bytes, (byte)'#', lineStarts[5], lineStarts[6] - lineStarts[5] - 1);
        File.WriteAllBytes(JsonlPath("s"), bytes);

        var page = await Reopen().ReadMessagesAsync("s", new MessageQuery { Limit = 10 });

        Assert.Equal(Messages(0, 10).Select(m => m.Id).Where(id => id != "msg_00004"), page.Items.Select(m => m.Id));
        Assert.Equal(0, page.FirstIndex);
        Assert.Equal(10, page.TotalCount);
        Assert.True(Logger.Has(LogLevel.Warning, 1103));
    }

    [Fact]
    public async Task Lines_that_parse_but_are_not_messages_are_skipped()
    {
        await Store.CreateAsync(new NewSession { Id = "s" });
        await Store.AppendAsync("s", Messages(0, 1));
        await Store.FlushAsync("s");
        string[] bad =
        [
            """{"id":"a","timestamp":"2025-01-01T00:00:00Z","role":"","contents":[]}""",
            """{"id":"b","timestamp":"2025-01-01T00:00:00Z","role":"user","contents":null}""",
            """{"id":"c","timestamp":"2025-01-01T00:00:00Z","role":"user","contents":[{"$type":"no-such-content"}]}""",
            """{"id":"d","role":"user","contents":[]}""",
            """[1,2,3]""",
        ];
        AppendRaw(JsonlPath("s"), string.Join('\n', bad) + "\n");
        var reopened = Reopen();
        await reopened.AppendAsync("s", Messages(1, 1));

        var page = await reopened.ReadMessagesAsync("s", new MessageQuery());

        Assert.Equal(7, page.TotalCount);
        Assert.Equal(["msg_00000", "msg_00001"], page.Items.Select(m => m.Id));
        Assert.Equal(bad.Length, Logger.Entries.Count(e => e.EventId.Id == 1103));
    }

    [Fact]
    public async Task Reading_the_tail_of_20000_messages_reads_only_the_end_of_the_file()
    {
        await Store.CreateAsync(new NewSession { Id = "big" });
        for (var i = 0; i < 20_000; i += 500)
        {
            await Store.AppendAsync("big", Messages(i, 500));
        }

        await Store.FlushAsync("big");
        await CloseAsync();
        var path = JsonlPath("big");
        var length = new FileInfo(path).Length;
        Assert.True(length > 2_000_000, $"the file should be large, it is {length} bytes");

        // Overwrite the first half of the message lines (not the header) with same-length garbage without newlines.
        // A reader that parsed or counted lines from the start would hit it; a backward tail read never gets there.
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite))
        {
            var headerEnd = File.ReadLines(path).First().Length + 1;
            var garbage = new byte[(length / 2) - headerEnd];
            Array.Fill(garbage, (byte)'x');
            stream.Position = headerEnd;
            stream.Write(garbage);
        }

        var reopened = Reopen();
        var tail = await reopened.ReadMessagesAsync("big", new MessageQuery { Limit = 20 });

        Assert.Equal(Enumerable.Range(19_980, 20).Select(i => $"msg_{i:D5}"), tail.Items.Select(m => m.Id));
        Assert.Equal(19_980, tail.FirstIndex);
        Assert.Equal(20_000, tail.TotalCount);
        Assert.InRange(reopened.BytesRead, 1, 64 * 1024);

        // The garbage is real: a page inside it cannot be read.
        var damaged = await reopened.ReadMessagesAsync("big", new MessageQuery { Limit = 20, Before = 100 });
        Assert.Empty(damaged.Items);
        Assert.Equal(80, damaged.FirstIndex);
    }

    [Fact]
    public async Task Paging_backwards_resumes_where_the_previous_page_began()
    {
        await Store.CreateAsync(new NewSession { Id = "s" });
        var padding = new string('p', 400);
        for (var i = 0; i < 5000; i += 500)
        {
            await Store.AppendAsync("s", [.. Enumerable.Range(i, 500).Select(n => Message($"msg_{n:D5}", padding))]);
        }

        var length = new FileInfo(JsonlPath("s")).Length;
        var reopened = Reopen();
        var page = await reopened.ReadMessagesAsync("s", new MessageQuery { Limit = 100 });
        var pages = 1;
        while (page.HasMore)
        {
            page = await reopened.ReadMessagesAsync("s", new MessageQuery { Limit = 100, Before = page.FirstIndex });
            Assert.Equal($"msg_{page.FirstIndex:D5}", page.Items[0].Id);
            Assert.Equal(100, page.Items.Count);
            pages++;
        }

        // Rescanning from the end for every page would read about pages / 2 times the file (25x here); resuming
        // from the previous page's start reads each byte about once, plus at most a chunk of overshoot per page.
        Assert.Equal(50, pages);
        Assert.InRange(reopened.BytesRead, length - 100, (2 * length) + (pages * 64 * 1024));
        Assert.True(reopened.BytesRead < 5 * length, $"read {reopened.BytesRead} bytes of a {length}-byte file");
    }

    [Fact]
    public async Task Delete_removes_both_files()
    {
        await Store.CreateAsync(new NewSession { Id = "s" });
        await Store.AppendAsync("s", Messages(0, 2));
        await Store.FlushAsync("s");
        Assert.True(File.Exists(JsonlPath("s")));
        Assert.True(File.Exists(MetaPath("s")));

        Assert.True(await Store.DeleteAsync("s"));

        Assert.False(File.Exists(JsonlPath("s")));
        Assert.False(File.Exists(MetaPath("s")));
        Assert.Null(await Reopen().GetAsync("s"));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("..\\x")]
    [InlineData("..")]
    [InlineData("/tmp/x")]
    [InlineData("sub/x")]
    [InlineData("x.meta")]
    public async Task Invalid_ids_never_touch_the_file_system_outside_the_directory(string id)
    {
        File.WriteAllText(Path.Join(_root, "x.jsonl"), "outside");
        File.WriteAllText(Path.Join(_root, "x.meta.json"), "outside");
        await Store.CreateAsync(new NewSession { Id = "inside" });
        var before = Directory.GetFileSystemEntries(_root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();

        Assert.Null(await Store.GetAsync(id));
        Assert.False(await Store.DeleteAsync(id));
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.CreateAsync(new NewSession { Id = id }));
        await Assert.ThrowsAsync<SessionNotFoundException>(async () => await Store.AppendAsync(id, Messages(0, 1)));
        await Assert.ThrowsAsync<SessionNotFoundException>(async () => await Store.FlushAsync(id));
        await Assert.ThrowsAsync<SessionNotFoundException>(async () => await Store.UpdateAsync(id, new SessionPatch { Title = "t" }));
        await Assert.ThrowsAsync<SessionNotFoundException>(async () => await Store.ReadMessagesAsync(id, new MessageQuery()));

        Assert.Equal(before, Directory.GetFileSystemEntries(_root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        Assert.Equal("outside", File.ReadAllText(Path.Join(_root, "x.jsonl")));
        Assert.Equal("outside", File.ReadAllText(Path.Join(_root, "x.meta.json")));
    }

    [Fact]
    public async Task Stray_files_in_the_directory_are_ignored()
    {
        Directory.CreateDirectory(StoreDirectory);
        File.WriteAllText(Path.Join(StoreDirectory, "notes.txt"), "hello");
        File.WriteAllText(Path.Join(StoreDirectory, "bad.name.jsonl"), "{}\n");
        File.WriteAllText(Path.Join(StoreDirectory, "garbage.jsonl"), "not json at all\n");
        File.WriteAllText(Path.Join(StoreDirectory, "orphan.meta.json"), "{}");

        Assert.Empty((await Store.ListAsync(new SessionQuery())).Items);
        Assert.True(Logger.Has(LogLevel.Warning, 1104));

        // The unreadable file is kept, not overwritten by a new session of the same id.
        await Assert.ThrowsAsync<SessionAlreadyExistsException>(async () => await Store.CreateAsync(new NewSession { Id = "garbage" }));
        Assert.Equal("not json at all\n", File.ReadAllText(Path.Join(StoreDirectory, "garbage.jsonl")));
        await Store.CreateAsync(new NewSession { Id = "fresh" });
        Assert.Equal(["fresh"], (await Store.ListAsync(new SessionQuery())).Items.Select(s => s.Id));
    }

    [Fact]
    public async Task Messages_are_not_logged_above_trace()
    {
        await Store.CreateAsync(new NewSession { Id = "s" });
        await Store.AppendAsync("s", [Message("m", "secret-content-123")]);
        await Store.FlushAsync("s");
        await Store.ReadMessagesAsync("s", new MessageQuery());

        Assert.DoesNotContain(Logger.Entries, e => e.Level > LogLevel.Trace && e.Message.Contains("secret-content-123", StringComparison.Ordinal));
    }

    // ---- sidecar lag and crash recovery --------------------------------------------------------------------------

    private SessionMetaSnapshot ReadMeta(string id)
    {
        using var meta = JsonDocument.Parse(File.ReadAllBytes(MetaPath(id)));
        var root = meta.RootElement;
        return new SessionMetaSnapshot(
            root.GetProperty("messageCount").GetInt64(),
            root.GetProperty("length").GetInt64(),
            root.GetProperty("updatedAt").GetDateTimeOffset(),
            root.TryGetProperty("title", out var title) ? title.GetString() : null,
            root.TryGetProperty("pinned", out var pinned) && pinned.GetBoolean());
    }

    private sealed record SessionMetaSnapshot(long MessageCount, long Length, DateTimeOffset UpdatedAt, string? Title, bool Pinned);

    /// <summary>Overwrites the message lines before <paramref name="end"/> (not the header) with bytes that hold no line ends.</summary>
    private void ScrambleMessagesBefore(string id, long end)
    {
        var path = JsonlPath(id);
        var headerEnd = File.ReadLines(path).First().Length + 1;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        var garbage = new byte[end - headerEnd - 1];
        Array.Fill(garbage, (byte)'x');
        stream.Position = headerEnd;
        stream.Write(garbage);
    }

    [Fact]
    public async Task A_flush_leaves_the_sidecar_count_to_lag_until_the_bound_has_passed()
    {
        await Store.CreateAsync(new NewSession { Id = "s", Title = "t" });
        var created = ReadMeta("s");
        await Store.AppendAsync("s", Messages(0, 2));
        await Store.FlushAsync("s");

        Assert.Equal(created, ReadMeta("s"));

        Time.Advance(FileSessionStore.SidecarLagBound - TimeSpan.FromTicks(1));
        await Store.AppendAsync("s", Messages(2, 2));
        await Store.FlushAsync("s");
        Assert.Equal(created, ReadMeta("s"));

        Time.Advance(TimeSpan.FromTicks(1));
        await Store.AppendAsync("s", Messages(4, 2));
        await Store.FlushAsync("s");
        var meta = ReadMeta("s");
        Assert.Equal(6, meta.MessageCount);
        Assert.Equal(new FileInfo(JsonlPath("s")).Length, meta.Length);
        Assert.Equal(Start + FileSessionStore.SidecarLagBound, meta.UpdatedAt);
        Assert.Equal("t", meta.Title);

        // The bound restarts from that write.
        await Store.AppendAsync("s", Messages(6, 2));
        await Store.FlushAsync("s");
        Assert.Equal(6, ReadMeta("s").MessageCount);
    }

    [Fact]
    public async Task Update_writes_the_sidecar_at_once_with_everything_appended_before_it()
    {
        await Store.CreateAsync(new NewSession { Id = "s" });
        await Store.AppendAsync("s", Messages(0, 3));
        Time.Advance(TimeSpan.FromSeconds(1));

        await Store.UpdateAsync("s", new SessionPatch { Title = "Renamed", Pinned = true });

        var meta = ReadMeta("s");
        Assert.Equal(("Renamed", true, 3L), (meta.Title, meta.Pinned, meta.MessageCount));
        Assert.Equal(new FileInfo(JsonlPath("s")).Length, meta.Length);
        Assert.Equal(Start.AddSeconds(1), meta.UpdatedAt);

        // Nothing to recount after a crash right now.
        var reopened = Reopen();
        Assert.Equal(await Store.GetAsync("s"), await reopened.GetAsync("s"));
        Assert.False(Logger.Has(LogLevel.Information, 1112));
    }

    [Fact]
    public async Task Disposing_writes_every_lagging_sidecar_and_later_calls_throw()
    {
        for (var i = 0; i < 3; i++)
        {
            await Store.CreateAsync(new NewSession { Id = $"s{i}", Title = $"title {i}" });
            Time.Advance(TimeSpan.FromSeconds(1));
            await Store.AppendAsync($"s{i}", Messages(0, i + 1));
            await Store.FlushAsync($"s{i}");
        }

        // s2 is appended to but never flushed: disposing fsyncs it before its sidecar records it.
        await Store.AppendAsync("s2", Messages(3, 1));
        var expected = (await Store.ListAsync(new SessionQuery())).Items;
        Assert.Equal(0, ReadMeta("s2").MessageCount);

        await CloseAsync();

        for (var i = 0; i < 3; i++)
        {
            var meta = ReadMeta($"s{i}");
            Assert.Equal(expected.Single(s => s.Id == $"s{i}").MessageCount, meta.MessageCount);
            Assert.Equal(new FileInfo(JsonlPath($"s{i}")).Length, meta.Length);
            Assert.Equal(expected.Single(s => s.Id == $"s{i}").UpdatedAt, meta.UpdatedAt);
        }

        Assert.Equal(expected, (await Reopen().ListAsync(new SessionQuery())).Items);
        Assert.False(Logger.Has(LogLevel.Information, 1112));
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await Store.AppendAsync("s0", Messages(9, 1)));
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await Store.ListAsync(new SessionQuery()));
        await CloseAsync();
    }

    [Fact]
    public async Task A_sidecar_behind_the_file_is_completed_by_reading_only_the_lines_after_it()
    {
        await Store.CreateAsync(new NewSession { Id = "s", Title = "kept", ProfileId = "p" });
        await Store.AppendAsync("s", Messages(0, 5));
        await CloseAsync();
        var closedLength = new FileInfo(JsonlPath("s")).Length;

        // A second run flushes three more messages but stops before the sidecar catches up.
        var second = Reopen();
        Time.Advance(TimeSpan.FromSeconds(1));
        await second.AppendAsync("s", Messages(5, 3));
        await second.FlushAsync("s");
        Assert.Equal(5, ReadMeta("s").MessageCount);

        // Lines before the sidecar's length are never read on load: a full scan would count none of these five.
        ScrambleMessagesBefore("s", closedLength);
        var third = Reopen();
        var info = await third.GetAsync("s");

        Assert.Equal(8, info!.MessageCount);
        Assert.Equal(("kept", "p"), (info.Title, info.ProfileId));
        Assert.True(info.UpdatedAt >= Start);
        var tail = await third.ReadMessagesAsync("s", new MessageQuery { Limit = 3 });
        Assert.Equal(Messages(5, 3).Select(m => m.Id), tail.Items.Select(m => m.Id));
        Assert.True(Logger.Has(LogLevel.Information, 1112));
        Assert.DoesNotContain(Logger.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task A_torn_line_after_a_lagging_sidecar_is_dropped_and_cut_off()
    {
        await Store.CreateAsync(new NewSession { Id = "s", Title = "t" });
        await Store.AppendAsync("s", Messages(0, 2));
        await Store.FlushAsync("s");
        AppendRaw(JsonlPath("s"), "{\"id\":\"msg_torn\",\"role\":\"us");

        var reopened = Reopen();
        Assert.Equal(2, (await reopened.GetAsync("s"))!.MessageCount);
        await reopened.AppendAsync("s", Messages(2, 1));
        await reopened.FlushAsync("s");

        AssertEveryLineIsCompleteJson(JsonlPath("s"));
        Assert.True(Logger.Has(LogLevel.Warning, 1102));
        var again = Reopen();
        Assert.Equal(Messages(0, 3).Select(m => m.Id), await ReadAllIdsAsync(again, "s"));
        Assert.Equal("t", (await again.GetAsync("s"))!.Title);
    }

    [Fact]
    public async Task A_sidecar_longer_than_the_file_is_rewritten_before_the_next_append()
    {
        await Store.CreateAsync(new NewSession { Id = "s", Title = "t" });
        await Store.AppendAsync("s", Messages(0, 6));
        await CloseAsync();

        // The file lost its last two lines and half of the one before (restored from a backup, say).
        var lines = File.ReadAllLines(JsonlPath("s"));
        File.WriteAllText(JsonlPath("s"), string.Join('\n', lines[..5]) + "\n" + lines[5][..10]);

        var reopened = Reopen();
        Assert.Equal(4, (await reopened.GetAsync("s"))!.MessageCount);
        Assert.True(Logger.Has(LogLevel.Warning, 1100));
        Assert.Equal("t", (await reopened.GetAsync("s"))!.Title);

        // Once the file grows again the stale length could end a line by chance; it is replaced before that.
        await reopened.AppendAsync("s", Messages(10, 40));
        var meta = ReadMeta("s");
        Assert.Equal(4, meta.MessageCount);
        Assert.True(meta.Length < new FileInfo(JsonlPath("s")).Length);

        var again = Reopen();
        Assert.Equal(44, (await again.GetAsync("s"))!.MessageCount);
        Assert.Equal([.. Messages(0, 4).Select(m => m.Id), .. Messages(10, 40).Select(m => m.Id)], await ReadAllIdsAsync(again, "s"));
    }

    [Fact]
    public async Task The_host_service_provider_disposes_the_store_and_its_sidecars_are_current()
    {
        var data = Path.Join(_root, "host");
        var services = new ServiceCollection();
        services.AddGAgentRuntime(o => o.DataDirectory = data);
        var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<ISessionStore>();
        await store.CreateAsync(new NewSession { Id = "s" });
        await store.AppendAsync("s", Messages(0, 2));
        await store.FlushAsync("s");
        var meta = Path.Join(data, "sessions", "s.meta.json");
        Assert.Contains("\"messageCount\":0", File.ReadAllText(meta), StringComparison.Ordinal);

        await provider.DisposeAsync();

        Assert.Contains("\"messageCount\":2", File.ReadAllText(meta), StringComparison.Ordinal);
    }
}
