using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GAgent.AspNetCore.Tests.Infrastructure;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.AspNetCore.Tests.Api;

public sealed class MediaAttachmentTests
{
    private static readonly byte[] s_png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 9, 9, 9];

    [Fact]
    public async Task Attachments_reach_the_model_as_bytes_and_the_session_stores_references()
    {
        var client = new ScriptedChatClient((_, _, ct) => ScriptedChatClient.Respond([new TextContent("Seen.")], ChatFinishReason.Stop, ct));
        await using var host = await GAgentTestHost.StartAsync(g => g.AddChatClient("scripted", client), new Dictionary<string, string?> { ["GAgent:Agent:MaxAttachmentTextBytes"] = "300" });
        var longText = string.Concat(Enumerable.Repeat("line of notes\n", 40));
        var upload = await MediaApiTests.UploadAsync(host.Client,
            ("photo.png", s_png, "image/png"),
            ("notes.txt", System.Text.Encoding.UTF8.GetBytes(longText), "text/plain"));
        var imageId = upload.GetProperty("items")[0].GetProperty("id").GetString()!;
        var textId = upload.GetProperty("items")[1].GetProperty("id").GetString()!;
        using var created = await host.Client.PostAsync("/api/sessions", JsonContent.Create(new { id = "pics" }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var message = JsonSerializer.Serialize(new { content = "What is in these?", attachments = new[] { imageId, textId } });
        using var run = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/sessions/pics/messages", message));
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Contains("Seen.", await run.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var user = client.Calls.Single().Messages.Last(m => m.Role == ChatRole.User);
        var image = Assert.Single(user.Contents.OfType<DataContent>());
        Assert.Equal("image/png", image.MediaType);
        Assert.Equal(s_png, image.Data.ToArray());
        var texts = user.Contents.OfType<TextContent>().Select(t => t.Text).ToList();
        Assert.Contains("What is in these?", texts);
        var inlined = Assert.Single(texts, t => t.Contains("notes.txt", StringComparison.Ordinal));
        Assert.Contains("line of notes", inlined, StringComparison.Ordinal);
        Assert.Contains("Truncated", inlined, StringComparison.Ordinal);
        Assert.DoesNotContain(user.Contents, c => c is UriContent);

        var session = await File.ReadAllTextAsync(Path.Join(host.DataDirectory, "sessions", "pics.jsonl"));
        Assert.Contains($"gagent-media:{imageId}", session, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(s_png), session, StringComparison.Ordinal);
        Assert.DoesNotContain("line of notes", session, StringComparison.Ordinal);

        var page = await host.Client.GetFromJsonAsync<JsonElement>("/api/sessions/pics/messages");
        var parts = page.GetProperty("items").EnumerateArray().First(m => m.GetProperty("role").GetString() == "user").GetProperty("parts");
        var imagePart = parts.EnumerateArray().Single(p => p.GetProperty("type").GetString() == "image");
        Assert.Equal(imageId, imagePart.GetProperty("mediaId").GetString());
        using var served = await host.Client.GetAsync(imagePart.GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(s_png, await served.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_unknown_attachment_is_400_naming_it_and_nothing_is_stored()
    {
        await using var host = await GAgentTestHost.StartAsync();
        using var created = await host.Client.PostAsync("/api/sessions", JsonContent.Create(new { id = "s" }));
        var unknown = new string('a', 64);
        using var response = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Post, "/api/sessions/s/messages", JsonSerializer.Serialize(new { content = "hi", attachments = new[] { "../../etc/passwd", unknown } })));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("attachments", problem.GetProperty("param").GetString());
        Assert.Contains("../../etc/passwd", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var session = await host.Client.GetFromJsonAsync<JsonElement>("/api/sessions/s");
        Assert.Equal(0, session.GetProperty("messageCount").GetInt64());
    }
}
