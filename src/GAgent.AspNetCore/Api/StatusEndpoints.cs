using System.Reflection;
using GAgent.AspNetCore.Api.Wire;
using GAgent.Agent;
using GAgent.AspNetCore.Security;
using GAgent.Channels;
using GAgent.Configuration;
using GAgent.Models;
using GAgent.Profiles;
using GAgent.Skills;
using GAgent.Sessions;
using GAgent.Tools;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GAgent.AspNetCore.Api;

/// <summary>Liveness (<c>/health</c>, open to probes) and runtime facts (<c>/status</c>, owner only).</summary>
internal static class StatusEndpoints
{
    private static readonly string Version = typeof(StatusEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public static void MapHealth(IEndpointRouteBuilder group, string name)
        => group.MapGet("/health", static () => TypedResults.Json(new HealthResponse("ok"), ApiJson.Context.HealthResponse)).WithName(name).WithMetadata(new GAgentAnonymousMetadata());

    public static void MapStatus(IEndpointRouteBuilder group, string name) => group.MapGet("/status", GetStatus).WithName(name);

    private static async Task<Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<StatusResponse>> GetStatus(HttpContext context, IModelCatalog models, AgentToolbox tools, ISessionStore store, GAgentStartTime started, GAgentAccessPolicy access, TimeProvider time)
    {
        var services = context.RequestServices;
        var token = context.RequestAborted;
        var profiles = services.GetRequiredService<IProfileStore>();
        var skills = await services.GetRequiredService<ISkillStore>().ListAsync(token).ConfigureAwait(false);
        var channels = services.GetRequiredService<ChannelManager>();
        return TypedResults.Json(
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
                access.Describe(),
                services.GetRequiredService<IOptions<GAgentOptions>>().Value.DataDirectory ?? string.Empty,
                services.GetRequiredService<RunRegistry>().ActiveCount,
                [.. channels.Channels.Select(c => new StatusChannelResponse(c.Name, channels.GetStatus(c.Name).State.ToString().ToLowerInvariant()))],
                [.. ProviderEndpoints.Describe(models).Select(static p => p.Name)],
                await profiles.GetActiveProfileIdAsync(token).ConfigureAwait(false),
                new StatusCountsResponse(
                    await CountSessionsAsync(store, token).ConfigureAwait(false),
                    (await profiles.ListAsync(token).ConfigureAwait(false)).Count,
                    skills.Count,
                    skills.Count(static s => s.Enabled))),
            ApiJson.Context.StatusResponse);
    }

    /// <summary>Pages through the session listing (headers only, never histories).</summary>
    private static async Task<long> CountSessionsAsync(ISessionStore store, CancellationToken cancellationToken)
    {
        long count = 0;
        string? cursor = null;
        do
        {
            var page = await store.ListAsync(new SessionQuery { Limit = SessionQuery.MaxLimit, Cursor = cursor }, cancellationToken).ConfigureAwait(false);
            count += page.Items.Count;
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return count;
    }
}
