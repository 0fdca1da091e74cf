using System.Net.Http.Json;
using System.Text.Json;
using GAgent.AspNetCore.Tests.Api;
using GAgent.AspNetCore.Tests.Infrastructure;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.AspNetCore.Tests.Live;

public sealed class WebSocketAttachmentTests
{
    private static readonly byte[] s_png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 7, 7, 7];

    private static string? Type(JsonElement message) => message.GetProperty("type").GetString();

    [Fact]
    public async Task A_socket_message_carries_uploaded_attachments_to_the_model_and_the_session()
    {
        var client = new ScriptedChatClient((_, _, ct) => ScriptedChatClient.Respond([new TextContent("A picture.")], ChatFinishReason.Stop, ct));
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("scripted", client));
        var imageId = (await MediaApiTests.UploadAsync(host.Client, ("shot.png", s_png, "image/png"))).GetProperty("items")[0].GetProperty("id").GetString()!;
        using (var created = await host.Client.PostAsync("/api/sessions", JsonContent.Create(new { id = "pictures" })))
        {
            created.EnsureSuccessStatusCode();
        }

        await using var socket = await LiveSocket.ConnectAsync(host);
        await socket.SendAsync($$"""{"type":"message","sessionId":"pictures","content":"What is this?","attachments":["{{imageId}}"],"clientRequestId":"m"}""");
        await socket.ReceiveUntilAsync(m => Type(m) == "RUN_FINISHED");

        var user = client.Calls.Single().Messages.Last(m => m.Role == ChatRole.User);
        Assert.Equal(s_png, Assert.Single(user.Contents.OfType<DataContent>()).Data.ToArray());
        var page = await host.Client.GetFromJsonAsync<JsonElement>("/api/sessions/pictures/messages");
        var parts = page.GetProperty("items").EnumerateArray().First(m => m.GetProperty("role").GetString() == "user").GetProperty("parts");
        Assert.Contains(parts.EnumerateArray(), p => p.GetProperty("type").GetString() == "image" && p.GetProperty("mediaId").GetString() == imageId);
    }

    [Fact]
    public async Task Unknown_or_malformed_attachments_are_answered_with_an_error_and_start_nothing()
    {
        await using var host = await GAgentTestHost.StartAsync();
        using (var created = await host.Client.PostAsync("/api/sessions", JsonContent.Create(new { id = "guarded" })))
        {
            created.EnsureSuccessStatusCode();
        }

        await using var socket = await LiveSocket.ConnectAsync(host);
        await socket.SendAsync($$"""{"type":"message","sessionId":"guarded","content":"Look","attachments":["{{new string('a', 64)}}"],"clientRequestId":"unknown"}""");
        var unknown = (await socket.ReceiveUntilAsync(m => Type(m) == "error"))[^1];
        Assert.Equal("invalid_attachment", unknown.GetProperty("code").GetString());
        Assert.Equal("unknown", unknown.GetProperty("clientRequestId").GetString());
        Assert.Contains("POST /api/media", unknown.GetProperty("message").GetString(), StringComparison.Ordinal);

        await socket.SendAsync("""{"type":"message","sessionId":"guarded","content":"Look","attachments":["../../etc/passwd"],"clientRequestId":"traversal"}""");
        var traversal = (await socket.ReceiveUntilAsync(m => Type(m) == "error"))[^1];
        Assert.Equal("invalid_attachment", traversal.GetProperty("code").GetString());

        var page = await host.Client.GetFromJsonAsync<JsonElement>("/api/sessions/guarded/messages");
        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
    }
}
