using System.ClientModel;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using OpenAI;
using OpenAI.Chat;

namespace GAgent.Samples.Tests;

/// <summary>The standalone host, started as its own process, used by the official OpenAI SDK and raw HTTP.</summary>
public sealed class StandaloneHostTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "gagent-host-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Runs_on_the_offline_demo_model_and_serves_OpenAI_clients()
    {
        await using var host = await HostProcess.StartAsync(_data);
        Assert.Contains("OFFLINE DEMO", host.Output, StringComparison.Ordinal);
        var openAI = new OpenAIClient(new ApiKeyCredential("not-needed-on-loopback"), new OpenAIClientOptions { Endpoint = new Uri(host.BaseAddress, "/v1") });

        var models = (await openAI.GetOpenAIModelClient().GetModelsAsync()).Value;
        Assert.Equal("gagent-demo", Assert.Single(models).Id);

        var chat = openAI.GetChatClient("gagent-demo");
        var completion = (await chat.CompleteChatAsync([new UserChatMessage("Hello host")])).Value;
        Assert.Contains("offline demo model", completion.Content[0].Text, StringComparison.Ordinal);

        var streamed = new StringBuilder();
        await foreach (var update in chat.CompleteChatStreamingAsync([new UserChatMessage("What is 6*7?")]))
        {
            foreach (var part in update.ContentUpdate)
            {
                streamed.Append(part.Text);
            }
        }

        Assert.Contains("6*7 = 42", streamed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sessions_stream_run_events_and_survive_a_restart()
    {
        string sessionId;
        await using (var host = await HostProcess.StartAsync(_data))
        {
            using var client = new HttpClient { BaseAddress = host.BaseAddress };
            using var created = await client.PostAsync("/api/sessions", null);
            created.EnsureSuccessStatusCode();
            sessionId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;

            using var sent = await client.PostAsync($"/api/sessions/{sessionId}/messages", new StringContent("{\"content\":\"what time is it?\"}", Encoding.UTF8, "application/json"));
            await using var stream = await sent.Content.ReadAsStreamAsync();
            var types = new List<string>();
            await foreach (var item in SseParser.Create(stream).EnumerateAsync())
            {
                types.Add(JsonDocument.Parse(item.Data).RootElement.GetProperty("type").GetString()!);
            }

            Assert.Equal("RUN_STARTED", types[0]);
            Assert.Contains("TOOL_CALL_RESULT", types);
            Assert.Equal("RUN_FINISHED", types[^1]);
        }

        await using var restarted = await HostProcess.StartAsync(_data);
        using var again = new HttpClient { BaseAddress = restarted.BaseAddress };
        var messages = JsonDocument.Parse(await again.GetStringAsync($"/api/sessions/{sessionId}/messages")).RootElement.GetProperty("items");
        Assert.Equal(4, messages.GetArrayLength());
        Assert.Equal("what time is it?", messages[0].GetProperty("text").GetString());
        Assert.Contains("current time is", messages[3].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
