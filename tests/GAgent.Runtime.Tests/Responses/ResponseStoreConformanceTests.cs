using System.Text.Json;
using GAgent.Responses;

namespace GAgent.Runtime.Tests.Responses;

/// <summary>The behaviour every <see cref="IResponseStore"/> must have. Each implementation's test class supplies the store.</summary>
public abstract class ResponseStoreConformanceTests
{
    private IResponseStore? _store;

    protected IResponseStore Store => _store ??= CreateStore();

    protected abstract IResponseStore CreateStore();

    protected static StoredResponse Response(string id, string status = "completed", int inputCount = 1, string? previous = null) => new()
    {
        Id = id,
        PreviousResponseId = previous,
        Status = status,
        CreatedAt = new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero),
        Response = Json($$"""{"id":"{{id}}","object":"response","status":"{{status}}"}"""),
        InputItems = [.. Enumerable.Range(0, inputCount).Select(i => Item($"msg_{i}", $"input {i}"))],
        OutputItems = [Item("msg_out", "answer")],
    };

    protected static ResponseItem Item(string id, string text) => new()
    {
        Id = id,
        Item = Json($$"""{"id":"{{id}}","type":"message","content":[{"type":"input_text","text":"{{text}}"}]}"""),
    };

    protected static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task Saves_and_gets_a_response_with_its_items()
    {
        await Store.SaveAsync(Response("resp_1", inputCount: 2, previous: "resp_0"));

        var stored = await Store.GetAsync("resp_1");

        Assert.NotNull(stored);
        Assert.Equal("resp_0", stored.PreviousResponseId);
        Assert.Equal("completed", stored.Status);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero), stored.CreatedAt);
        Assert.Equal("resp_1", stored.Response.GetProperty("id").GetString());
        Assert.Equal(["msg_0", "msg_1"], stored.InputItems.Select(static i => i.Id));
        Assert.Equal("input 1", stored.InputItems[1].Item.GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Equal("msg_out", Assert.Single(stored.OutputItems).Id);
    }

    [Fact]
    public async Task Saving_again_replaces_the_response()
    {
        await Store.SaveAsync(Response("resp_1", "in_progress"));
        await Store.SaveAsync(Response("resp_1", "completed"));

        var stored = await Store.GetAsync("resp_1");

        Assert.Equal("completed", stored!.Status);
        Assert.Equal("completed", stored.Response.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Unknown_and_invalid_ids_are_not_found()
    {
        Assert.Null(await Store.GetAsync("resp_missing"));
        Assert.Null(await Store.GetAsync("../etc/passwd"));
        Assert.False(await Store.DeleteAsync("resp_missing"));
        Assert.False(await Store.DeleteAsync("a/b"));
        Assert.Null(await Store.ListInputItemsAsync("resp_missing", new ResponseItemQuery()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("../escape")]
    [InlineData("a.b")]
    [InlineData("with space")]
    public async Task Rejects_invalid_ids_on_save(string id)
        => await Assert.ThrowsAsync<ArgumentException>(async () => await Store.SaveAsync(Response(id)));

    [Fact]
    public async Task Deletes_a_response()
    {
        await Store.SaveAsync(Response("resp_1"));

        Assert.True(await Store.DeleteAsync("resp_1"));
        Assert.Null(await Store.GetAsync("resp_1"));
        Assert.False(await Store.DeleteAsync("resp_1"));
    }

    [Fact]
    public async Task Lists_input_items_newest_first_by_default_with_paging()
    {
        await Store.SaveAsync(Response("resp_1", inputCount: 5));

        var first = await Store.ListInputItemsAsync("resp_1", new ResponseItemQuery { Limit = 2 });
        Assert.Equal(["msg_4", "msg_3"], first!.Items.Select(static i => i.Id));
        Assert.True(first.HasMore);

        var second = await Store.ListInputItemsAsync("resp_1", new ResponseItemQuery { Limit = 2, After = "msg_3" });
        Assert.Equal(["msg_2", "msg_1"], second!.Items.Select(static i => i.Id));
        Assert.True(second.HasMore);

        var last = await Store.ListInputItemsAsync("resp_1", new ResponseItemQuery { Limit = 2, After = "msg_1" });
        Assert.Equal(["msg_0"], last!.Items.Select(static i => i.Id));
        Assert.False(last.HasMore);
    }

    [Fact]
    public async Task Lists_input_items_oldest_first_when_ascending()
    {
        await Store.SaveAsync(Response("resp_1", inputCount: 3));

        var page = await Store.ListInputItemsAsync("resp_1", new ResponseItemQuery { Descending = false, After = "msg_0" });

        Assert.Equal(["msg_1", "msg_2"], page!.Items.Select(static i => i.Id));
        Assert.False(page.HasMore);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task Rejects_a_limit_out_of_range(int limit)
    {
        await Store.SaveAsync(Response("resp_1"));

        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await Store.ListInputItemsAsync("resp_1", new ResponseItemQuery { Limit = limit }));
        Assert.Equal("limit", error.ParamName);
    }

    [Fact]
    public async Task Rejects_an_after_id_that_is_not_an_item()
    {
        await Store.SaveAsync(Response("resp_1"));

        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await Store.ListInputItemsAsync("resp_1", new ResponseItemQuery { After = "msg_nope" }));
        Assert.Equal("after", error.ParamName);
    }

    [Fact]
    public async Task Keeps_its_own_copy_of_the_json()
    {
        var document = JsonDocument.Parse("""{"id":"resp_1","status":"completed"}""");
        await Store.SaveAsync(Response("resp_1") with { Response = document.RootElement });
        document.Dispose();

        var stored = await Store.GetAsync("resp_1");

        Assert.Equal("resp_1", stored!.Response.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Concurrent_saves_of_different_responses_all_land()
    {
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Store.SaveAsync(Response($"resp_{i}")).AsTask()));

        for (var i = 0; i < 20; i++)
        {
            Assert.NotNull(await Store.GetAsync($"resp_{i}"));
        }
    }
}
