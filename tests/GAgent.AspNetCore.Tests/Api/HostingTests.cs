using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GAgent.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace GAgent.AspNetCore.Tests.Api;

public sealed class HostingTests
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/api/health")]
    public async Task Health_answers_ok(string path)
    {
        await using var host = await GAgentTestHost.StartAsync();
        var health = await host.Client.GetFromJsonAsync<JsonElement>(path);
        Assert.Equal("ok", health.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("/status")]
    [InlineData("/api/status")]
    public async Task Status_reports_runtime_facts(string path)
    {
        await using var host = await GAgentTestHost.StartAsync();
        var status = await host.Client.GetFromJsonAsync<JsonElement>(path);
        Assert.Equal("gagent-demo", status.GetProperty("defaultModel").GetString());
        Assert.True(status.GetProperty("demoMode").GetBoolean());
        Assert.Equal(["calculate", "current_time"], status.GetProperty("tools").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("loopback-only", status.GetProperty("access").GetString());
    }

    [Fact]
    public async Task Mounts_under_a_prefix()
    {
        await using var host = await GAgentTestHost.StartAsync(prefix: "/agent");
        using var models = await host.Client.GetAsync("/agent/v1/models");
        using var unprefixed = await host.Client.GetAsync("/v1/models");
        Assert.Equal(HttpStatusCode.OK, models.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unprefixed.StatusCode);
    }

    [Fact]
    public void Mapping_without_AddGAgent_fails_with_a_message_naming_it()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapGAgentEndpoints());

        Assert.Contains("AddGAgent()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_options_fail_at_start_naming_the_setting()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => GAgentTestHost.StartAsync(settings: new Dictionary<string, string?> { ["GAgent:Agent:MaxIterations"] = "0" }));
        Assert.Contains("MaxIterations", error.Message, StringComparison.Ordinal);
    }
}
