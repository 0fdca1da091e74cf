using System.Net;
using System.Text.Json;
using GAgent.AspNetCore.Security;
using GAgent.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GAgent.AspNetCore.Tests.Security;

public sealed class AccessTests
{
    private const string ChatKey = "chat-key-0123456789abcdef0123456789abcdef";
    private const string AdminKey = "admin-key-0123456789abcdef0123456789abcdef";

    private static Dictionary<string, string?> Keys() => new()
    {
        ["GAgent:ApiKeys:0:Key"] = ChatKey,
        ["GAgent:ApiKeys:0:Scopes:0"] = "chat",
        ["GAgent:ApiKeys:1:Key"] = AdminKey,
    };

    [Fact]
    public async Task With_keys_configured_requests_need_a_valid_key_with_the_right_scope()
    {
        await using var host = await GAgentTestHost.StartAsync(settings: Keys(), configure: g => g.UseOfflineDemoModel());

        using var missing = await host.Client.GetAsync("/v1/models");
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("Bearer", missing.Headers.WwwAuthenticate.Single().Scheme);
        using var missingBody = JsonDocument.Parse(await missing.Content.ReadAsStringAsync());
        Assert.Equal("missing_api_key", missingBody.RootElement.GetProperty("error").GetProperty("code").GetString());

        using var wrong = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Get, "/v1/models", bearer: "wrong-key-0123456789abcdef0123456789abcdef"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        using var chat = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Get, "/v1/models", bearer: ChatKey));
        Assert.Equal(HttpStatusCode.OK, chat.StatusCode);

        using var chatOnAdmin = await host.Client.SendAsync(GAgentTestHost.Request(HttpMethod.Get, "/api/sessions", bearer: ChatKey));
        Assert.Equal(HttpStatusCode.Forbidden, chatOnAdmin.StatusCode);
        Assert.Equal("application/problem+json", chatOnAdmin.Content.Headers.ContentType?.MediaType);

        using var admin = new HttpRequestMessage(HttpMethod.Get, "/api/sessions");
        admin.Headers.Add("X-Api-Key", AdminKey);
        using var adminResponse = await host.Client.SendAsync(admin);
        Assert.Equal(HttpStatusCode.OK, adminResponse.StatusCode);

        using var health = await host.Client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var status = await host.Client.GetAsync("/status");
        Assert.Equal(HttpStatusCode.Unauthorized, status.StatusCode);
    }

    [Fact]
    public async Task The_official_sdk_authenticates_with_its_api_key()
    {
        await using var host = await GAgentTestHost.StartAsync(settings: Keys(), configure: g => g.UseOfflineDemoModel());
        var models = await host.CreateOpenAIClient(ChatKey).GetOpenAIModelClient().GetModelsAsync();
        Assert.Single(models.Value);
        await Assert.ThrowsAsync<System.ClientModel.ClientResultException>(() => host.CreateOpenAIClient("not-the-key").GetOpenAIModelClient().GetModelsAsync());
    }

    [Fact]
    public void Without_keys_only_loopback_clients_are_served()
    {
        var policy = new GAgentAccessPolicy(Options.Create(new GAgentServerOptions()));

        Assert.Null(policy.Check(Context("127.0.0.1"), GAgentScopes.Chat));
        Assert.Null(policy.Check(Context("::1"), GAgentScopes.Admin));
        var error = policy.Check(Context("192.0.2.10"), GAgentScopes.Chat);
        Assert.NotNull(error);
        Assert.Equal(403, error.Status);
        Assert.Contains("GAgent:ApiKeys", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Host_authorization_mode_defers_to_the_host()
    {
        var options = new GAgentServerOptions { UseHostAuthorization = true };
        var policy = new GAgentAccessPolicy(Options.Create(options));
        Assert.Null(policy.Check(Context("192.0.2.10"), GAgentScopes.Admin));
    }

    [Fact]
    public async Task Short_keys_are_rejected_at_start()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => GAgentTestHost.StartAsync(settings: new Dictionary<string, string?> { ["GAgent:ApiKeys:0:Key"] = "short" }));
        Assert.Contains("32 characters", error.Message, StringComparison.Ordinal);
    }

    private static DefaultHttpContext Context(string address)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(address);
        return context;
    }
}
