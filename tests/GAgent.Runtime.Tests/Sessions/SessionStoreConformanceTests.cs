using System.Text.Json;
using GAgent.Sessions;
using Microsoft.Extensions.AI;

namespace GAgent.Runtime.Tests.Sessions;

/// <summary>
/// The behaviour every <see cref="ISessionStore"/> must have. Each implementation's test class derives from this and
/// supplies the store.
/// </summary>
public abstract class SessionStoreConformanceTests : IDisposable
{
    private ISessionStore? _store;

    protected static DateTimeOffset Start { get; } = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    protected ManualTimeProvider Time { get; } = new(Start);

    protected ISessionStore Store => _store ??= CreateStore(Time);

    protected abstract ISessionStore CreateStore(TimeProvider time);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing && _store is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    protected static StoredMessage Message(string id, string text = "hello", ChatRole? role = null) => new()
    {
        Id = id,
        Timestamp = Start.AddSeconds(1),
        Role = role ?? ChatRole.User,
        Contents = [new TextContent(text)],
    };

    protected static StoredMessage[] Messages(int from, int count, string prefix = "msg_") =>
        [.. Enumerable.Range(from, count).Select(i => Message($"{prefix}{i:D5}", $"text {i}"))];

    protected static string ContentsJson(IEnumerable<AIContent> contents) =>
        JsonSerializer.Serialize<IList<AIContent>>([.. contents], AIJsonUtilities.DefaultOptions);

    protected async Task<List<StoredMessage>> ReadAllAsync(string sessionId, int pageSize = MessageQuery.MaxLimit)
    {
        var pages = new List<IReadOnlyList<StoredMessage>>();
        long? before = null;
        while (true)
        {
            var page = await Store.ReadMessagesAsync(sessionId, new MessageQuery { Limit = pageSize, Before = before });
            pages.Add(page.Items);
            if (!page.HasMore)
            {
                break;
            }

            before = page.FirstIndex;
        }

        pages.Reverse();
        return [.. pages.SelectMany(p => p)];
    }

    private static SessionInfo[] ExpectedOrder(IEnumerable<SessionInfo> sessions) =>
        [.. sessions.OrderByDescending(s => s.Pinned).ThenByDescending(s => s.UpdatedAt).ThenByDescending(s => s.Id, StringComparer.Ordinal)];

    // ---- create / get --------------------------------------------------------------------------------------------

    [Fact]
    public async Task Create_without_id_generates_one_and_stamps_both_times()
    {
        var info = await Store.CreateAsync(new NewSession());

        Assert.True(SessionIds.IsValid(info.Id));
        Assert.Equal(32, info.Id.Length);
        Assert.Equal(Start, info.CreatedAt);
        Assert.Equal(Start, info.UpdatedAt);
        Assert.Equal(0, info.MessageCount);
        Assert.Null(info.Title);
        Assert.Null(info.ProfileId);
        Assert.False(info.Pinned);
        Assert.Equal(info, await Store.GetAsync(info.Id));
    }

    [Fact]
    public async Task Create_keeps_the_given_id_title_and_profile()
    {
        var info = await Store.CreateAsync(new NewSession { Id = "chat-1_A", Title = "Trip planning", ProfileId = "travel" });

        Assert.Equal("chat-1_A", info.Id);
        Assert.Equal("Trip planning", info.Title);
        Assert.Equal("travel", info.ProfileId);
        Assert.Equal(info, await Store.GetAsync("chat-1_A"));
    }

    [Fact]
    public async Task Create_generates_distinct_ids()
    {
        var a = await Store.CreateAsync(new NewSession());
        var b = await Store.CreateAsync(new NewSession());
        Assert.NotEqual(a.Id, b.Id);
    }

    [Fact]
    public async Task Create_with_an_existing_id_throws_SessionAlreadyExists()
    {
        await Store.CreateAsync(new NewSession { Id = "dup" });
        var ex = await Assert.ThrowsAsync<SessionAlreadyExistsException>(async () => await Store.CreateAsync(new NewSession { Id = "dup", Title = "other" }));
        Assert.Equal("dup", ex.SessionId);
        Assert.Null((await Store.GetAsync("dup"))!.Title);
    }

    [Theory]
    [InlineData("")]
    [InlineData("../x")]
    [InlineData("a/b")]
    [InlineData("a.b")]
    [InlineData("a b")]
    public async Task Create_with_an_invalid_id_throws_ArgumentException(string id)
    {
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.CreateAsync(new NewSession { Id = id }));
        Assert.Empty((await Store.ListAsync(new SessionQuery())).Items);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("../missing")]
    [InlineData("")]
    public async Task Get_returns_null_for_missing_or_invalid_ids(string id) => Assert.Null(await Store.GetAsync(id));

    // ---- append --------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Append_counts_messages_and_stamps_UpdatedAt()
    {
        var created = await Store.CreateAsync(new NewSession { Id = "s" });
        Time.Advance(TimeSpan.FromMinutes(5));

        var info = await Store.AppendAsync("s", Messages(0, 3));

        Assert.Equal(3, info.MessageCount);
        Assert.Equal(created.CreatedAt, info.CreatedAt);
        Assert.Equal(Start.AddMinutes(5), info.UpdatedAt);
        Assert.Equal(info, await Store.GetAsync("s"));

        Time.Advance(TimeSpan.FromMinutes(1));
        info = await Store.AppendAsync("s", Messages(3, 2));
        Assert.Equal(5, info.MessageCount);
        Assert.Equal(Start.AddMinutes(6), info.UpdatedAt);
    }

    [Fact]
    public async Task Append_keeps_order_ids_roles_and_timestamps_across_batches()
    {
        await Store.CreateAsync(new NewSession { Id = "s" });
        var expected = new List<StoredMessage>();
        for (var batch = 0; batch < 5; batch++)
        {
            var messages = Enumerable.Range(0, batch + 1).Select(i => new StoredMessage
            {
                Id = $"msg_{batch}_{i}",
                Timestamp = Start.AddMinutes(batch).AddMilliseconds(i),
                Role = i % 2 == 0 ? ChatRole.User : ChatRole.Assistant,
                Contents = [new TextContent($"batch {batch} item {i}")],
            }).ToArray();
            expected.AddRange(messages);
            await Store.AppendAsync("s", messages);
        }

        var actual = await ReadAllAsync("s");

        Assert.Equal(expected.Select(m => m.Id), actual.Select(m => m.Id));
        Assert.Equal(expected.Select(m => m.Timestamp), actual.Select(m => m.Timestamp));
        Assert.Equal(expected.Select(m => m.Role), actual.Select(m => m.Role));
        Assert.Equal(expected.Select(m => m.Text), actual.Select(m => m.Text));
    }

    [Fact]
    public async Task Append_round_trips_every_content_type_and_message_field()
    {
        await Store.CreateAsync(new NewSession { Id = "s" });
        var usage = new UsageDetails { InputTokenCount = 120, OutputTokenCount = 45, TotalTokenCount = 165, CachedInputTokenCount = 7, ReasoningTokenCount = 11 };
        var image = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF };
        var original = new StoredMessage
        {
            Id = "msg_all",
            Timestamp = new DateTimeOffset(2025, 3, 4, 5, 6, 7, 890, TimeSpan.FromHours(2)).AddTicks(1234),
            Role = ChatRole.Assistant,
            RunId = "run_42",
            ModelId = "demo-model",
            AuthorName = "Ada \"the\" user\nwith a newline",
            Usage = usage,
            Contents =
            [
                new TextContent("Line one\nline two \u2028 unicode: héllo 🌍 \"quoted\""),
                new DataContent(image, "image/png"),
                new UriContent("https://example.com/files/a.pdf", "application/pdf"),
                new FunctionCallContent("call_1", "get_weather", new Dictionary<string, object?> { ["city"] = "Paris", ["days"] = 3, ["metric"] = true }),
                new FunctionResultContent("call_1", new Dictionary<string, object?> { ["temperature"] = 21.5, ["sky"] = "clear" }),
                new TextReasoningContent("Thinking about the weather") { ProtectedData = "opaque-signature" },
                new UsageContent(new UsageDetails { InputTokenCount = 1, OutputTokenCount = 2, TotalTokenCount = 3 }),
            ],
        };

        await Store.AppendAsync("s", [original]);
        var page = await Store.ReadMessagesAsync("s", new MessageQuery());
        var actual = Assert.Single(page.Items);

        Assert.Equal(original.Id, actual.Id);
        Assert.Equal(original.Timestamp, actual.Timestamp);
        Assert.Equal(original.Timestamp.Offset, actual.Timestamp.Offset);
        Assert.Equal(original.Timestamp.Ticks, actual.Timestamp.Ticks);
        Assert.Equal(ChatRole.Assistant, actual.Role);
        Assert.Equal("run_42", actual.RunId);
        Assert.Equal("demo-model", actual.ModelId);
        Assert.Equal(original.AuthorName, actual.AuthorName);
        Assert.Equal(JsonSerializer.Serialize(usage, AIJsonUtilities.DefaultOptions), JsonSerializer.Serialize(actual.Usage, AIJsonUtilities.DefaultOptions));
        Assert.Equal(ContentsJson(original.Contents), ContentsJson(actual.Contents));

        Assert.Equal(original.Contents.Select(c => c.GetType()), actual.Contents.Select(c => c.GetType()));
        Assert.Equal(original.Text, actual.Text);
        var data = Assert.IsType<DataContent>(actual.Contents[1]);
        Assert.Equal(image, data.Data.ToArray());
        Assert.Equal("image/png", data.MediaType);
        var uri = Assert.IsType<UriContent>(actual.Contents[2]);
        Assert.Equal(new Uri("https://example.com/files/a.pdf"), uri.Uri);
        Assert.Equal("application/pdf", uri.MediaType);
        var call = Assert.IsType<FunctionCallContent>(actual.Contents[3]);
        Assert.Equal(("call_1", "get_weather"), (call.CallId, call.Name));
        Assert.Equal("Paris", call.Arguments!["city"]?.ToString());
        var result = Assert.IsType<FunctionResultContent>(actual.Contents[4]);
        Assert.Equal("call_1", result.CallId);
        Assert.Equal("""{"temperature":21.5,"sky":"clear"}""", JsonSerializer.Serialize(result.Result, AIJsonUtilities.DefaultOptions).Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal));
        var reasoning = Assert.IsType<TextReasoningContent>(actual.Contents[5]);
        Assert.Equal(("Thinking about the weather", "opaque-signature"), (reasoning.Text, reasoning.ProtectedData));
        var usageContent = Assert.IsType<UsageContent>(actual.Contents[6]);
        Assert.Equal(3, usageContent.Details.TotalTokenCount);
    }

    [Fact]
    public async Task Append_does_not_set_a_title()
    {
        await Store.CreateAsync(new NewSession { Id = "s" });
        var info = await Store.AppendAsync("s", [Message("m1", "What is the capital of France?")]);
        Assert.Null(info.Title);
    }

    [Fact]
    public async Task Append_of_an_empty_batch_changes_nothing()
    {
        await Store.CreateAsync(new NewSession { Id = "s" });
        await Store.AppendAsync("s", Messages(0, 2));
        Time.Advance(TimeSpan.FromMinutes(1));

        var info = await Store.AppendAsync("s", []);

        Assert.Equal(2, info.MessageCount);
        Assert.Equal(Start, info.UpdatedAt);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("../etc/passwd")]
    public async Task Writes_and_reads_of_missing_or_invalid_sessions_throw_SessionNotFound(string id)
    {
        var ex = await Assert.ThrowsAsync<SessionNotFoundException>(async () => await Store.AppendAsync(id, Messages(0, 1)));
        Assert.Equal(id, ex.SessionId);
        await Assert.ThrowsAsync<SessionNotFoundException>(async () => await Store.FlushAsync(id));
        await Assert.ThrowsAsync<SessionNotFoundException>(async () => await Store.UpdateAsync(id, new SessionPatch { Title = "x" }));
        await Assert.ThrowsAsync<SessionNotFoundException>(async () => await Store.ReadMessagesAsync(id, new MessageQuery()));
        Assert.False(await Store.DeleteAsync(id));
    }

    [Fact]
    public async Task Append_rejects_null_messages()
    {
        await Store.CreateAsync(new NewSession { Id = "s" });
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await Store.AppendAsync("s", null!));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await Store.AppendAsync("s", [Message("a"), null!]));
        Assert.Equal(0, (await Store.GetAsync("s"))!.MessageCount);
    }

    [Fact]
    public async Task Flush_of_an_existing_session_succeeds_and_keeps_metadata()
    {
        await Store.CreateAsync(new NewSession { Id = "s" });
        var info = await Store.AppendAsync("s", Messages(0, 2));
        await Store.FlushAsync("s");
        await Store.FlushAsync("s");
        Assert.Equal(info, await Store.GetAsync("s"));
    }

    // ---- update / delete -----------------------------------------------------------------------------------------

    [Fact]
    public async Task Update_changes_only_the_given_members_and_stamps_UpdatedAt()
    {
        await Store.CreateAsync(new NewSession { Id = "s", Title = "old", ProfileId = "p1" });
        Time.Advance(TimeSpan.FromSeconds(30));

        var pinned = await Store.UpdateAsync("s", new SessionPatch { Pinned = true });
        Assert.Equal(("old", true, "p1"), (pinned.Title, pinned.Pinned, pinned.ProfileId));
        Assert.Equal(Start.AddSeconds(30), pinned.UpdatedAt);
        Assert.Equal(Start, pinned.CreatedAt);

        Time.Advance(TimeSpan.FromSeconds(30));
        var retitled = await Store.UpdateAsync("s", new SessionPatch { Title = "new" });
        Assert.Equal(("new", true, "p1"), (retitled.Title, retitled.Pinned, retitled.ProfileId));
        Assert.Equal(Start.AddMinutes(1), retitled.UpdatedAt);

        var unchanged = await Store.UpdateAsync("s", new SessionPatch());
        Assert.Equal(("new", true, "p1"), (unchanged.Title, unchanged.Pinned, unchanged.ProfileId));
        Assert.Equal(unchanged, await Store.GetAsync("s"));
    }

    [Fact]
    public async Task Update_with_empty_strings_clears_title_and_profile()
    {
        await Store.CreateAsync(new NewSession { Id = "s", Title = "title", ProfileId = "profile" });
        await Store.UpdateAsync("s", new SessionPatch { Pinned = true });

        var info = await Store.UpdateAsync("s", new SessionPatch { Title = "", ProfileId = "", Pinned = false });

        Assert.Null(info.Title);
        Assert.Null(info.ProfileId);
        Assert.False(info.Pinned);
        Assert.Equal(info, await Store.GetAsync("s"));
    }

    [Fact]
    public async Task Update_keeps_the_message_count()
    {
        await Store.CreateAsync(new NewSession { Id = "s" });
        await Store.AppendAsync("s", Messages(0, 4));
        var info = await Store.UpdateAsync("s", new SessionPatch { Title = "t" });
        Assert.Equal(4, info.MessageCount);
        Assert.Equal(4, (await ReadAllAsync("s")).Count);
    }

    [Fact]
    public async Task Delete_removes_the_session_and_its_messages()
    {
        await Store.CreateAsync(new NewSession { Id = "s" });
        await Store.AppendAsync("s", Messages(0, 3));

        Assert.True(await Store.DeleteAsync("s"));

        Assert.False(await Store.DeleteAsync("s"));
        Assert.Null(await Store.GetAsync("s"));
        Assert.Empty((await Store.ListAsync(new SessionQuery())).Items);
        await Assert.ThrowsAsync<SessionNotFoundException>(async () => await Store.ReadMessagesAsync("s", new MessageQuery()));
        await Assert.ThrowsAsync<SessionNotFoundException>(async () => await Store.AppendAsync("s", Messages(3, 1)));
    }

    [Fact]
    public async Task A_deleted_id_can_be_created_again_with_an_empty_history()
    {
        await Store.CreateAsync(new NewSession { Id = "s", Title = "first" });
        await Store.AppendAsync("s", Messages(0, 3));
        await Store.DeleteAsync("s");

        var info = await Store.CreateAsync(new NewSession { Id = "s" });
        await Store.AppendAsync("s", Messages(10, 1));

        Assert.Null(info.Title);
        var page = await Store.ReadMessagesAsync("s", new MessageQuery());
        Assert.Equal(["msg_00010"], page.Items.Select(m => m.Id));
        Assert.Equal(1, page.TotalCount);
    }

    // ---- list ----------------------------------------------------------------------------------------------------

    [Fact]
    public async Task List_orders_pinned_first_then_newest_then_id_descending()
    {
        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            await Store.CreateAsync(new NewSession { Id = id });
        }

        Assert.Equal(["d", "c", "b", "a"], (await Store.ListAsync(new SessionQuery())).Items.Select(s => s.Id));

        Time.Advance(TimeSpan.FromSeconds(1));
        await Store.AppendAsync("a", Messages(0, 1));
        Assert.Equal(["a", "d", "c", "b"], (await Store.ListAsync(new SessionQuery())).Items.Select(s => s.Id));

        Time.Advance(TimeSpan.FromSeconds(1));
        await Store.UpdateAsync("b", new SessionPatch { Pinned = true });
        Time.Advance(TimeSpan.FromSeconds(1));
        await Store.AppendAsync("c", Messages(1, 1));
        Assert.Equal(["b", "c", "a", "d"], (await Store.ListAsync(new SessionQuery())).Items.Select(s => s.Id));
    }

    [Fact]
    public async Task List_search_matches_title_or_id_case_insensitively()
    {
        await Store.CreateAsync(new NewSession { Id = "alpha", Title = "Holiday PLANS" });
        await Store.CreateAsync(new NewSession { Id = "beta-plan", Title = "Work" });
        await Store.CreateAsync(new NewSession { Id = "gamma", Title = "Recipes" });
        await Store.CreateAsync(new NewSession { Id = "delta" });

        var ids = (await Store.ListAsync(new SessionQuery { Search = "pLaN" })).Items.Select(s => s.Id).Order(StringComparer.Ordinal);
        Assert.Equal(["alpha", "beta-plan"], ids);
        Assert.Equal(["gamma"], (await Store.ListAsync(new SessionQuery { Search = "GAM" })).Items.Select(s => s.Id));
        Assert.Empty((await Store.ListAsync(new SessionQuery { Search = "nothing" })).Items);
        Assert.Equal(4, (await Store.ListAsync(new SessionQuery { Search = "" })).Items.Count);
    }

    [Fact]
    public async Task List_of_an_empty_store_is_an_empty_last_page()
    {
        var page = await Store.ListAsync(new SessionQuery());
        Assert.Empty(page.Items);
        Assert.Null(page.NextCursor);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(SessionQuery.MaxLimit + 1)]
    public async Task List_rejects_a_limit_out_of_range(int limit) =>
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.ListAsync(new SessionQuery { Limit = limit }));

    [Fact]
    public async Task List_accepts_the_bounds_of_the_limit()
    {
        await Store.CreateAsync(new NewSession { Id = "a" });
        await Store.CreateAsync(new NewSession { Id = "b" });
        Assert.Single((await Store.ListAsync(new SessionQuery { Limit = 1 })).Items);
        Assert.Equal(2, (await Store.ListAsync(new SessionQuery { Limit = SessionQuery.MaxLimit })).Items.Count);
    }

    [Theory]
    [InlineData("not a cursor")]
    [InlineData("aGVsbG8")]
    [InlineData("djE6MjoxMjM6YWJj")]
    [InlineData("djE6MDphYmM6YWJj")]
    [InlineData("djE6MDoxMjM6Li4veA")]
    public async Task List_rejects_a_cursor_it_did_not_issue(string cursor)
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(async () => await Store.ListAsync(new SessionQuery { Cursor = cursor }));
        Assert.Contains("cursor", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task List_pages_stay_stable_while_sessions_are_created()
    {
        // 120 sessions in groups of three sharing a timestamp, so page boundaries also fall between equal times.
        for (var i = 0; i < 120; i++)
        {
            if (i % 3 == 0)
            {
                Time.Advance(TimeSpan.FromSeconds(1));
            }

            await Store.CreateAsync(new NewSession { Id = $"s{i:D3}", Title = $"Session {i}" });
        }

        foreach (var i in new[] { 5, 50, 51, 99 })
        {
            await Store.UpdateAsync($"s{i:D3}", new SessionPatch { Pinned = true });
        }

        var expected = (await Store.ListAsync(new SessionQuery { Limit = SessionQuery.MaxLimit })).Items.Select(s => s.Id).ToArray();
        Assert.Equal(120, expected.Length);

        var seen = new List<SessionInfo>();
        string? cursor = null;
        var created = 0;
        do
        {
            var page = await Store.ListAsync(new SessionQuery { Limit = 7, Cursor = cursor });
            Assert.InRange(page.Items.Count, 1, 7);
            seen.AddRange(page.Items);
            cursor = page.NextCursor;

            // New sessions are newer than everything paged so far; they must not shift or repeat the older ones.
            Time.Advance(TimeSpan.FromMilliseconds(10));
            await Store.CreateAsync(new NewSession { Id = $"new{created++:D3}" });
            await Store.CreateAsync(new NewSession { Id = $"new{created++:D3}", Title = "late" });
        }
        while (cursor is not null);

        Assert.Equal(expected, seen.Select(s => s.Id).Where(id => id.StartsWith('s')));
        Assert.Equal(seen.Count, seen.Select(s => s.Id).Distinct().Count());
        Assert.Equal(ExpectedOrder(seen).Select(s => s.Id), seen.Select(s => s.Id));
    }

    [Fact]
    public async Task List_pages_a_search_with_cursors()
    {
        for (var i = 0; i < 30; i++)
        {
            Time.Advance(TimeSpan.FromSeconds(1));
            await Store.CreateAsync(new NewSession { Id = $"s{i:D2}", Title = i % 3 == 0 ? "Match me" : "other" });
        }

        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await Store.ListAsync(new SessionQuery { Search = "MATCH", Limit = 4, Cursor = cursor });
            ids.AddRange(page.Items.Select(s => s.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Range(0, 30).Where(i => i % 3 == 0).Reverse().Select(i => $"s{i:D2}"), ids);
    }

    [Fact]
    public async Task List_last_page_has_no_cursor_even_when_full()
    {
        for (var i = 0; i < 6; i++)
        {
            await Store.CreateAsync(new NewSession { Id = $"s{i}" });
        }

        var first = await Store.ListAsync(new SessionQuery { Limit = 3 });
        Assert.NotNull(first.NextCursor);
        var second = await Store.ListAsync(new SessionQuery { Limit = 3, Cursor = first.NextCursor });
        Assert.Equal(3, second.Items.Count);
        Assert.Null(second.NextCursor);
    }

    /// <summary>Creates s0..s{count-1}, each one second newer than the previous, so the list order is s{count-1} first.</summary>
    private async Task CreateSequenceAsync(int count, Func<int, string?>? title = null)
    {
        for (var i = 0; i < count; i++)
        {
            Time.Advance(TimeSpan.FromSeconds(1));
            await Store.CreateAsync(new NewSession { Id = $"s{i}", Title = title?.Invoke(i) });
        }
    }

    private async Task<SessionPage> PageAsync(int limit, string? cursor, string? search = null)
        => await Store.ListAsync(new SessionQuery { Limit = limit, Cursor = cursor, Search = search });

    [Fact]
    public async Task List_pages_continue_from_the_cursor_when_updates_reorder_sessions()
    {
        await CreateSequenceAsync(10);
        var first = await PageAsync(3, null);
        Assert.Equal(["s9", "s8", "s7"], first.Items.Select(s => s.Id));

        // A pin and an append move s2 and s0 in front of the page already read; s8 moves from it to the top.
        Time.Advance(TimeSpan.FromSeconds(1));
        await Store.UpdateAsync("s2", new SessionPatch { Pinned = true });
        await Store.AppendAsync("s0", Messages(0, 1));
        await Store.AppendAsync("s8", Messages(1, 1));

        var second = await PageAsync(3, first.NextCursor);
        Assert.Equal(["s6", "s5", "s4"], second.Items.Select(s => s.Id));
        var third = await PageAsync(3, second.NextCursor);
        Assert.Equal(["s3", "s1"], third.Items.Select(s => s.Id));
        Assert.Null(third.NextCursor);

        var fresh = await PageAsync(SessionQuery.MaxLimit, null);
        Assert.Equal(["s2", "s8", "s0", "s9", "s7", "s6", "s5", "s4", "s3", "s1"], fresh.Items.Select(s => s.Id));
        Assert.Equal(ExpectedOrder(fresh.Items).Select(s => s.Id), fresh.Items.Select(s => s.Id));
        Assert.Equal(1, fresh.Items.Single(s => s.Id == "s0").MessageCount);

        // Unpinning moves s2 back among the others by its update time, which the unpin itself stamped.
        Time.Advance(TimeSpan.FromSeconds(1));
        await Store.UpdateAsync("s2", new SessionPatch { Pinned = false });
        Assert.Equal(["s2", "s8", "s0"], (await PageAsync(3, null)).Items.Select(s => s.Id));
    }

    [Fact]
    public async Task List_pages_skip_sessions_deleted_between_pages_even_the_cursors_own()
    {
        await CreateSequenceAsync(10);
        var first = await PageAsync(3, null);
        Assert.Equal(["s9", "s8", "s7"], first.Items.Select(s => s.Id));

        Assert.True(await Store.DeleteAsync("s7"));
        Assert.True(await Store.DeleteAsync("s5"));
        Assert.True(await Store.DeleteAsync("s9"));

        var second = await PageAsync(3, first.NextCursor);
        Assert.Equal(["s6", "s4", "s3"], second.Items.Select(s => s.Id));

        // The last sessions deleted after their page was read: a cursor past everything is an empty last page.
        var third = await PageAsync(3, second.NextCursor);
        Assert.Equal(["s2", "s1", "s0"], third.Items.Select(s => s.Id));
        Assert.Null(third.NextCursor);
        var beforeLast = await PageAsync(2, second.NextCursor);
        foreach (var id in new[] { "s2", "s1", "s0" })
        {
            await Store.DeleteAsync(id);
        }

        var empty = await PageAsync(2, beforeLast.NextCursor);
        Assert.Empty(empty.Items);
        Assert.Null(empty.NextCursor);
        Assert.Equal(["s8", "s6", "s4", "s3"], (await PageAsync(SessionQuery.MaxLimit, null)).Items.Select(s => s.Id));
    }

    [Fact]
    public async Task List_search_walks_past_non_matching_sessions_across_pages()
    {
        // 300 sessions, one in fifty matching: each page has to walk far beyond its own size.
        await CreateSequenceAsync(300, i => i % 50 == 7 ? "Needle" : "hay");

        var pages = new List<IReadOnlyList<string>>();
        string? cursor = null;
        do
        {
            var page = await PageAsync(2, cursor, "needle");
            pages.Add([.. page.Items.Select(s => s.Id)]);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        // Six matches make three full pages; the last one knows it is the last without a further empty page.
        Assert.Equal([["s257", "s207"], ["s157", "s107"], ["s57", "s7"]], pages);

        // Matches that move to the top after the first page (by an append, or a new title that now matches) are not
        // listed by the pages that follow it; the others still are, in order.
        var first = await PageAsync(2, null, "needle");
        Time.Advance(TimeSpan.FromSeconds(1));
        await Store.AppendAsync("s107", Messages(0, 1));
        await Store.UpdateAsync("s3", new SessionPatch { Title = "needle too" });
        var rest = new List<string>();
        cursor = first.NextCursor;
        while (cursor is not null)
        {
            var page = await PageAsync(2, cursor, "needle");
            rest.AddRange(page.Items.Select(s => s.Id));
            cursor = page.NextCursor;
        }

        Assert.Equal(["s157", "s57", "s7"], rest);
    }

    // ---- read messages -------------------------------------------------------------------------------------------

    [Fact]
    public async Task Read_of_an_empty_session_is_an_empty_page()
    {
        await Store.CreateAsync(new NewSession { Id = "s" });
        var page = await Store.ReadMessagesAsync("s", new MessageQuery());
        Assert.Empty(page.Items);
        Assert.Equal(0, page.FirstIndex);
        Assert.Equal(0, page.TotalCount);
        Assert.False(page.HasMore);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(MessageQuery.MaxLimit + 1, null)]
    [InlineData(10, -1L)]
    [InlineData(10, 6L)]
    public async Task Read_rejects_a_limit_or_before_out_of_range(int limit, long? before)
    {
        await Store.CreateAsync(new NewSession { Id = "s" });
        await Store.AppendAsync("s", Messages(0, 5));
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.ReadMessagesAsync("s", new MessageQuery { Limit = limit, Before = before }));
    }

    [Fact]
    public async Task Read_returns_the_range_before_the_given_index()
    {
        await Store.CreateAsync(new NewSession { Id = "s" });
        await Store.AppendAsync("s", Messages(0, 20));

        var page = await Store.ReadMessagesAsync("s", new MessageQuery { Limit = 5, Before = 10 });
        Assert.Equal(Enumerable.Range(5, 5).Select(i => $"msg_{i:D5}"), page.Items.Select(m => m.Id));
        Assert.Equal(5, page.FirstIndex);
        Assert.Equal(20, page.TotalCount);
        Assert.True(page.HasMore);

        var head = await Store.ReadMessagesAsync("s", new MessageQuery { Limit = 5, Before = 3 });
        Assert.Equal(["msg_00000", "msg_00001", "msg_00002"], head.Items.Select(m => m.Id));
        Assert.Equal(0, head.FirstIndex);
        Assert.False(head.HasMore);

        var none = await Store.ReadMessagesAsync("s", new MessageQuery { Before = 0 });
        Assert.Empty(none.Items);
        Assert.Equal(0, none.FirstIndex);
        Assert.False(none.HasMore);

        var tail = await Store.ReadMessagesAsync("s", new MessageQuery { Limit = 500, Before = 20 });
        Assert.Equal(20, tail.Items.Count);
    }

    [Fact]
    public async Task Read_pages_backwards_through_1000_messages_with_assorted_page_sizes()
    {
        await Store.CreateAsync(new NewSession { Id = "s" });
        for (var i = 0; i < 1000; i += 100)
        {
            await Store.AppendAsync("s", Messages(i, 100));
        }

        await Store.FlushAsync("s");
        var all = Enumerable.Range(0, 1000).Select(i => $"msg_{i:D5}").ToArray();

        foreach (var size in new[] { 1, 7, 50, 128, 333, 500 })
        {
            var collected = new List<string>();
            long? before = null;
            var pages = 0;
            while (true)
            {
                var page = await Store.ReadMessagesAsync("s", new MessageQuery { Limit = size, Before = before });
                var end = before ?? 1000;
                Assert.Equal(Math.Max(0, end - size), page.FirstIndex);
                Assert.Equal(1000, page.TotalCount);
                Assert.Equal(all[(int)page.FirstIndex..(int)end], page.Items.Select(m => m.Id));
                collected.InsertRange(0, page.Items.Select(m => m.Id));
                pages++;
                if (!page.HasMore)
                {
                    break;
                }

                before = page.FirstIndex;
            }

            Assert.Equal(all, collected);
            Assert.Equal((1000 + size - 1) / size, pages);
        }

        // Random access after the sequential walks.
        var middle = await Store.ReadMessagesAsync("s", new MessageQuery { Limit = 3, Before = 501 });
        Assert.Equal(["msg_00498", "msg_00499", "msg_00500"], middle.Items.Select(m => m.Id));
    }

    // ---- concurrency and cancellation ----------------------------------------------------------------------------

    [Fact]
    public async Task Concurrent_appends_keep_every_message_exactly_once()
    {
        await Store.CreateAsync(new NewSession { Id = "s" });
        const int Writers = 8, Batches = 25;

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var b = 0; b < Batches; b++)
            {
                await Store.AppendAsync("s", [Message($"w{w}_b{b:D2}_0"), Message($"w{w}_b{b:D2}_1")]);
            }
        })));

        var all = await ReadAllAsync("s");
        Assert.Equal(Writers * Batches * 2, all.Count);
        Assert.Equal(Writers * Batches * 2, (await Store.GetAsync("s"))!.MessageCount);
        Assert.Equal(all.Count, all.Select(m => m.Id).Distinct().Count());
        for (var w = 0; w < Writers; w++)
        {
            var own = all.Select(m => m.Id).Where(id => id.StartsWith($"w{w}_", StringComparison.Ordinal)).ToArray();
            Assert.Equal(own.Order(StringComparer.Ordinal), own);
            Assert.Equal(Batches * 2, own.Length);
        }

        // Batches are atomic: the two messages of a batch are adjacent.
        for (var i = 0; i < all.Count; i += 2)
        {
            Assert.Equal(all[i].Id[..^1] + "1", all[i + 1].Id);
        }
    }

    [Fact]
    public async Task Reads_during_appends_see_consistent_pages()
    {
        await Store.CreateAsync(new NewSession { Id = "s" });
        const int Total = 300;
        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < Total; i++)
            {
                await Store.AppendAsync("s", [Message($"msg_{i:D5}", new string('x', i % 37))]);
            }
        });

        var reads = 0;
        while (!writer.IsCompleted || reads == 0)
        {
            var page = await Store.ReadMessagesAsync("s", new MessageQuery { Limit = 10 });
            Assert.Equal(Math.Min(10, page.TotalCount), page.Items.Count);
            Assert.Equal(page.TotalCount - page.Items.Count, page.FirstIndex);
            Assert.Equal(Enumerable.Range((int)page.FirstIndex, page.Items.Count).Select(i => $"msg_{i:D5}"), page.Items.Select(m => m.Id));
            reads++;
        }

        await writer;
        Assert.Equal(Total, (await ReadAllAsync("s")).Count);
    }

    [Fact]
    public async Task Every_method_honours_a_cancelled_token()
    {
        await Store.CreateAsync(new NewSession { Id = "s" });
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var ct = cts.Token;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await Store.ListAsync(new SessionQuery(), ct));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await Store.CreateAsync(new NewSession { Id = "t" }, ct));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await Store.GetAsync("s", ct));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await Store.AppendAsync("s", Messages(0, 1), ct));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await Store.FlushAsync("s", ct));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await Store.UpdateAsync("s", new SessionPatch { Title = "x" }, ct));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await Store.DeleteAsync("s", ct));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await Store.ReadMessagesAsync("s", new MessageQuery(), ct));

        var info = await Store.GetAsync("s");
        Assert.NotNull(info);
        Assert.Null(info.Title);
        Assert.Equal(0, info.MessageCount);
        Assert.Null(await Store.GetAsync("t"));
    }
}
