using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GAgent.Samples.CustomChannel.Tests;

/// <summary>The custom channel sample end to end: signed webhooks in, signed callbacks out, retries.</summary>
public sealed class WebhookChannelTests : IDisposable
{
    private const string Secret = "test-secret-0123456789abcdefghijklmnop";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "gagent-custom-channel-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_signed_message_is_accepted_and_the_reply_reaches_the_callback()
    {
        await using var callback = await CallbackServer.StartAsync();
        await using var factory = CreateFactory(callback.Url);
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(Signed(Body("hello there")));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var accepted = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var runId = accepted.RootElement.GetProperty("runId").GetString();
        Assert.StartsWith("run_", runId, StringComparison.Ordinal);
        Assert.StartsWith("ch-webhook-", accepted.RootElement.GetProperty("sessionId").GetString(), StringComparison.Ordinal);

        var reply = await callback.NextAsync();
        using var payload = JsonDocument.Parse(reply.Body);
        Assert.Equal("conv-1", payload.RootElement.GetProperty("conversationId").GetString());
        Assert.Equal("msg-1", payload.RootElement.GetProperty("replyTo").GetString());
        Assert.Equal(runId, payload.RootElement.GetProperty("runId").GetString());
        Assert.True(payload.RootElement.GetProperty("final").GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(payload.RootElement.GetProperty("text").GetString()));

        // Replies are signed with the same scheme, so the receiver can verify them.
        Assert.Equal(Sign(long.Parse(reply.Timestamp, CultureInfo.InvariantCulture), Encoding.UTF8.GetBytes(reply.Body)), reply.Signature);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("sha256=not-hex")]
    [InlineData("md5=abc")]
    public async Task A_missing_or_bad_signature_is_refused(string? signature)
    {
        await using var callback = await CallbackServer.StartAsync();
        await using var factory = CreateFactory(callback.Url);
        using var client = factory.CreateClient();

        var request = Signed(Body("hello"));
        request.Headers.Remove("X-Webhook-Signature");
        if (signature is not null)
        {
            request.Headers.Add("X-Webhook-Signature", signature);
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(await callback.StaysQuietAsync(TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task A_tampered_body_is_refused()
    {
        await using var callback = await CallbackServer.StartAsync();
        await using var factory = CreateFactory(callback.Url);
        using var client = factory.CreateClient();

        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var request = Request(Body("transfer 100"), timestamp, Sign(timestamp, Encoding.UTF8.GetBytes(Body("transfer 1"))));
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_stale_timestamp_is_refused_even_when_correctly_signed()
    {
        await using var callback = await CallbackServer.StartAsync();
        await using var factory = CreateFactory(callback.Url);
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(Signed(Body("hello"), DateTimeOffset.UtcNow.AddMinutes(-10)));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var missing = Signed(Body("hello"));
        missing.Headers.Remove("X-Webhook-Timestamp");
        using var noTimestamp = await client.SendAsync(missing);
        Assert.Equal(HttpStatusCode.Unauthorized, noTimestamp.StatusCode);
    }

    [Fact]
    public async Task A_replayed_request_is_refused()
    {
        await using var callback = await CallbackServer.StartAsync();
        await using var factory = CreateFactory(callback.Url);
        using var client = factory.CreateClient();

        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var body = Body("hello");
        using var first = await client.SendAsync(Request(body, timestamp, Sign(timestamp, Encoding.UTF8.GetBytes(body))));
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        using var again = await client.SendAsync(Request(body, timestamp, Sign(timestamp, Encoding.UTF8.GetBytes(body))));
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal(200, (await callback.NextAsync()).AnsweredStatus);
    }

    [Fact]
    public async Task Transient_callback_failures_are_retried_until_delivered()
    {
        await using var callback = await CallbackServer.StartAsync(503, 503, 200);
        await using var factory = CreateFactory(callback.Url);
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(Signed(Body("hello")));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var attempts = new[] { await callback.NextAsync(), await callback.NextAsync(), await callback.NextAsync() };
        Assert.Equal([503, 503, 200], attempts.Select(a => a.AnsweredStatus));
        Assert.Single(attempts.Select(a => a.Body).Distinct());
        Assert.True(await callback.StaysQuietAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task A_rejected_callback_is_not_retried()
    {
        await using var callback = await CallbackServer.StartAsync(400);
        await using var factory = CreateFactory(callback.Url);
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(Signed(Body("hello")));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(400, (await callback.NextAsync()).AnsweredStatus);
        Assert.True(await callback.StaysQuietAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task A_sender_outside_allow_from_gets_403()
    {
        await using var callback = await CallbackServer.StartAsync();
        await using var factory = CreateFactory(callback.Url, ("GAgent:Channels:webhook:AllowFrom:0", "someone-else"));
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(Signed(Body("hello")));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True(await callback.StaysQuietAsync(TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task The_channel_is_listed_by_the_control_api()
    {
        await using var callback = await CallbackServer.StartAsync();
        await using var factory = CreateFactory(callback.Url);
        using var client = factory.CreateClient();
        using var list = JsonDocument.Parse(await client.GetStringAsync("/api/channels"));
        var channels = list.RootElement.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(["websocket", "webhook"], channels.Select(c => c.GetProperty("name").GetString()));
        var channel = channels[1];
        Assert.Equal(4000, channel.GetProperty("capabilities").GetProperty("maxTextLength").GetInt32());
    }

    public void Dispose()
    {
        // A run may still be finishing its last write after the host stopped; the directory is only scratch space.
        for (var attempt = 0; attempt < 5 && Directory.Exists(_data); attempt++)
        {
            try
            {
                Directory.Delete(_data, recursive: true);
            }
            catch (IOException)
            {
                Thread.Sleep(100);
            }
        }
    }

    private WebApplicationFactory<Program> CreateFactory(Uri callbackUrl, params (string Key, string Value)[] extra)
        => new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("GAgent:DataDirectory", _data);
            b.UseSetting("Webhook:Secret", Secret);
            b.UseSetting("Webhook:CallbackUrl", callbackUrl.ToString());
            b.UseSetting("Webhook:InitialRetryDelay", "00:00:00.010");
            b.UseSetting("Webhook:MaxRetryDelay", "00:00:00.050");
            foreach (var (key, value) in extra)
            {
                b.UseSetting(key, value);
            }
        });

    private static string Body(string text)
        => JsonSerializer.Serialize(new { senderId = "user-1", senderName = "User One", conversationId = "conv-1", text, messageId = "msg-1" });

    private static HttpRequestMessage Signed(string body, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        return Request(body, timestamp, Sign(timestamp, Encoding.UTF8.GetBytes(body)));
    }

    private static HttpRequestMessage Request(string body, long timestamp, string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhook/inbound") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Webhook-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-Webhook-Signature", signature);
        return request;
    }

    /// <summary>The scheme computed independently of the sample's code.</summary>
    private static string Sign(long timestamp, byte[] body)
    {
        var message = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".").Concat(body).ToArray();
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), message));
    }
}
