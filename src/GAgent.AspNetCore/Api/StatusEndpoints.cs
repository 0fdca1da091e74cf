using System.Reflection;
using GAgent.AspNetCore.Api.Wire;
using GAgent.AspNetCore.Security;
using GAgent.Models;
using GAgent.Sessions;
using GAgent.Tools;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GAgent.AspNetCore.Api;

/// <summary>Liveness (<c>/health</c>, open to probes) and runtime facts (<c>/status</c>, owner only).</summary>
internal static class StatusEndpoints
{
    private static readonly string Version = typeof(StatusEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public static void MapHealth(IEndpointRouteBuilder group, string name)
        => group.MapGet("/health", static () => TypedResults.Json(new HealthResponse("ok"), ApiJson.Context.HealthResponse)).WithName(name).WithMetadata(new GAgentAnonymousMetadata());

    public static void MapStatus(IEndpointRouteBuilder group, string name) => group.MapGet("/status", GetStatus).WithName(name);

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<StatusResponse> GetStatus(IModelCatalog models, AgentToolbox tools, ISessionStore store, GAgentStartTime started, GAgentAccessPolicy access, TimeProvider time) => TypedResults.Json(
        new StatusResponse(
            "ok",
            Version,
            started.Value,
            (long)(time.GetUtcNow() - started.Value).TotalSeconds,
            models.DefaultModel.Id,
            models.DefaultModel.IsDemo,
            [.. models.Models.Select(static m => m.Id)],
            [.. tools.Tools.Keys.Order(StringComparer.Ordinal)],
            store.GetType().Name,
            access.Describe()),
        ApiJson.Context.StatusResponse);
}
