using GAgent.AspNetCore;
using GAgent.AspNetCore.AgUi;
using GAgent.AspNetCore.Api;
using GAgent.AspNetCore.OpenAI;
using GAgent.AspNetCore.Security;
using GAgent.AspNetCore.WebSockets;
using GAgent.Runs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps GAgent's HTTP surface. Each method returns a convention builder, so the host can chain <c>RequireAuthorization()</c>, <c>RequireCors()</c> or <c>RequireRateLimiting()</c>.</summary>
public static class GAgentEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps everything: the OpenAI-compatible API under <c>{prefix}/v1</c>, the control API under <c>{prefix}/api</c>,
    /// the WebSocket at <c>{prefix}/api/ws</c>, <c>{prefix}/health</c> and <c>{prefix}/status</c>, and the web UI at
    /// <c>{prefix}/</c> (<c>GAgent:WebUI:Path</c>; off with <c>GAgent:WebUI:Enabled = false</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException"><c>AddGAgent()</c> was not called.</exception>
    public static IEndpointConventionBuilder MapGAgentEndpoints(this IEndpointRouteBuilder endpoints, string prefix = "")
    {
        var root = CreateRoot(endpoints, prefix);
        root.MapGAgentOpenAI();
        root.MapGAgentApi();
        root.MapGAgentWebSocket();
        var aliases = root.MapGroup(string.Empty).AddEndpointFilter(new GAgentAccessFilter(GAgentScopes.Admin, openAIErrors: false));
        StatusEndpoints.MapHealth(aliases, "GAgentHealthAlias");
        StatusEndpoints.MapStatus(aliases, "GAgentStatusAlias");
        var webUI = endpoints.ServiceProvider.GetRequiredService<IOptions<GAgentServerOptions>>().Value.WebUI;
        if (webUI.Enabled)
        {
            root.MapGAgentWebUI(webUI.Path);
        }

        return root;
    }

    /// <summary>Maps the OpenAI-compatible API (<c>/v1/models</c>, <c>/v1/chat/completions</c>) under <c>{prefix}/v1</c>.</summary>
    public static IEndpointConventionBuilder MapGAgentOpenAI(this IEndpointRouteBuilder endpoints, string prefix = "")
    {
        var v1 = CreateRoot(endpoints, prefix).MapGroup("/v1").AddEndpointFilter(new GAgentAccessFilter(GAgentScopes.Chat, openAIErrors: true));
        OpenAIEndpoints.Map(v1);
        return v1;
    }

    /// <summary>Maps the control API (health, status, sessions, runs, AG-UI, tokens, channels, media, approvals, profiles, memory, skills, learning queue, providers, routines) under <c>{prefix}/api</c>.</summary>
    public static IEndpointConventionBuilder MapGAgentApi(this IEndpointRouteBuilder endpoints, string prefix = "")
    {
        var api = CreateRoot(endpoints, prefix).MapGroup("/api").AddEndpointFilter(new GAgentAccessFilter(GAgentScopes.Admin, openAIErrors: false));
        StatusEndpoints.MapHealth(api, "GAgentHealth");
        StatusEndpoints.MapStatus(api, "GAgentStatus");
        SessionEndpoints.Map(api);
        RunEndpoints.Map(api);
        AgUiEndpoints.Map(api);
        TokenEndpoints.Map(api);
        ChannelEndpoints.Map(api);
        MediaEndpoints.Map(api);
        ProfileEndpoints.Map(api);
        MemoryEndpoints.Map(api);
        SkillEndpoints.Map(api);
        LearningEndpoints.Map(api);
        ProviderEndpoints.Map(api);
        ApprovalEndpoints.Map(api);
        RoutineEndpoints.Map(api);
        return api;
    }

    /// <summary>
    /// Maps the WebSocket channel at <c>{prefix}/api/ws</c> (live run events of several sessions on one socket; see
    /// docs/protocol.md). Browsers authenticate with a single-use token from <c>POST /api/tokens</c> in <c>?token=</c>,
    /// other clients with their API key header. The host does not need <c>app.UseWebSockets()</c>.
    /// </summary>
    public static IEndpointConventionBuilder MapGAgentWebSocket(this IEndpointRouteBuilder endpoints, string prefix = "")
        => WebSocketEndpoint.Map(CreateRoot(endpoints, prefix));

    private static RouteGroupBuilder CreateRoot(IEndpointRouteBuilder endpoints, string prefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        if (endpoints.ServiceProvider.GetService<GAgentServicesMarker>() is null)
        {
            throw new InvalidOperationException("GAgent's services are not registered. Call builder.Services.AddGAgent() before app.MapGAgentEndpoints().");
        }

        var normalized = prefix.Trim().TrimEnd('/');
        if (normalized.Length > 0 && normalized[0] != '/')
        {
            normalized = "/" + normalized;
        }

        return endpoints is RouteGroupBuilder group && normalized.Length == 0 ? group : endpoints.MapGroup(normalized);
    }
}
