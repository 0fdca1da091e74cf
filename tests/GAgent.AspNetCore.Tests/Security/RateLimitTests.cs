using System.Net;
using System.Text.Json;
using GAgent.AspNetCore.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.AspNetCore.Tests.Security;

public sealed class RateLimitTests
{
    private const string KeyA = "key-a-0123456789abcdef0123456789abcdef";
    private const string KeyB = "key-b-0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task Each_key_gets_its_own_bucket_and_excess_requests_get_429_with_retry_after()
    {
        var settings = new Dictionary<string, string?>
        {
            ["GAgent:RateLimit:RequestsPerMinute"] = "1",
            ["GAgent:RateLimit:Burst"] = "2",
            ["GAgent:ApiKeys:0:Key"] = KeyA,
            ["GAgent:ApiKeys:1:Key"] = KeyB,
        };
        await using var host = await GAgentTestHost.StartAsync(g => g.UseOfflineDemoModel(), settings);

        for (var i = 0; i < 2; i++)
        {
            using var allowed = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Get, "/v1/models", bearer: KeyA));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var limited = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Get, "/v1/models", bearer: KeyA));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        using var body = JsonDocument.Parse(await limited.Content.ReadAsStringAsync());
        Assert.Equal("rate_limit_error", body.RootElement.GetProperty("error").GetProperty("type").GetString());
        Assert.Equal("rate_limited", body.RootElement.GetProperty("error").GetProperty("code").GetString());

        using var limitedApi = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Get, "/api/sessions", bearer: KeyA));
        Assert.Equal(HttpStatusCode.TooManyRequests, limitedApi.StatusCode);
        Assert.Equal("application/problem+json", limitedApi.Content.Headers.ContentType?.MediaType);

        using var otherKey = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Get, "/v1/models", bearer: KeyB));
        Assert.Equal(HttpStatusCode.OK, otherKey.StatusCode);
        using var health = await host.Client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task A_limit_of_zero_turns_rate_limiting_off()
    {
        await using var host = await GAgentTestHost.StartAsync(g => g.UseOfflineDemoModel(), new Dictionary<string, string?> { ["GAgent:RateLimit:RequestsPerMinute"] = "0", ["GAgent:RateLimit:Burst"] = "1" });
        for (var i = 0; i < 5; i++)
        {
            using var response = await host.Client.GetAsync("/v1/models");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
