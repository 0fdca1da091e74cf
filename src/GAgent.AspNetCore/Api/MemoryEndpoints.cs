using GAgent.AspNetCore.Api.Wire;
using GAgent.AspNetCore.Http;
using GAgent.Configuration;
using GAgent.Events;
using GAgent.Memory;
using GAgent.Profiles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace GAgent.AspNetCore.Api;

/// <summary>
/// A profile's Markdown memory: read (JSON, or the Markdown itself with <c>Accept: text/markdown</c>), replace, and
/// append an entry. Memory is personal data, so every endpoint needs the <c>admin</c> scope.
/// </summary>
internal static class MemoryEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/profiles/{id}/memory", GetAsync).WithName("GAgentGetProfileMemory");
        api.MapPut("/profiles/{id}/memory", PutAsync).WithName("GAgentPutProfileMemory");
        api.MapPost("/profiles/{id}/memory/entries", AppendAsync).WithName("GAgentAppendProfileMemory");
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, IProfileStore profiles, IMemoryStore memory)
    {
        var (profile, problem) = await FindAsync(id, profiles, context.RequestAborted).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var document = await memory.GetAsync(profile!.EffectiveMemoryScope, context.RequestAborted).ConfigureAwait(false);
        if (WantsMarkdown(context))
        {
            return TypedResults.Text(document.Content, "text/markdown; charset=utf-8");
        }

        return TypedResults.Json(ToWire(profile, document, memory), ApiJson.Context.MemoryResponse);
    }

    private static async Task<IResult> PutAsync(string id, HttpContext context, IProfileStore profiles, IMemoryStore memory, IGAgentEventBus bus, TimeProvider time, IOptions<GAgentServerOptions> options)
    {
        var (profile, problem) = await FindAsync(id, profiles, context.RequestAborted).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var (content, bodyProblem) = await DocumentBody.ReadAsync(context, options.Value, "the memory").ConfigureAwait(false);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        try
        {
            var document = await memory.ReplaceAsync(profile!.EffectiveMemoryScope, content!, context.RequestAborted).ConfigureAwait(false);
            MemoryNotifications.PublishUpdated(bus, time, profile.Id, profile.EffectiveMemoryScope);
            return TypedResults.Json(ToWire(profile, document, memory), ApiJson.Context.MemoryResponse);
        }
        catch (Exception ex) when (ErrorMapper.TryMap(ex) is { } mapped)
        {
            return ApiProblems.From(mapped, context);
        }
    }

    private static async Task<IResult> AppendAsync(string id, HttpContext context, IProfileStore profiles, IMemoryStore memory, IGAgentEventBus bus, TimeProvider time, IOptions<GAgentServerOptions> options, IOptions<GAgentOptions> runtime)
    {
        var (profile, problem) = await FindAsync(id, profiles, context.RequestAborted).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var (body, error) = await SessionEndpoints.ReadAsync(context, ApiJson.Context.MemoryEntryRequest, options.Value).ConfigureAwait(false);
        if (error is not null)
        {
            return ApiProblems.From(error, context);
        }

        var max = runtime.Value.Memory.MaxEntryChars;
        if (string.IsNullOrWhiteSpace(body!.Entry))
        {
            return ApiProblems.BadRequest("Send the text to remember in 'entry'.", "entry");
        }

        if (body.Entry.Length > max)
        {
            return ApiProblems.From(new ErrorInfo(413, $"'entry' is {body.Entry.Length} characters long; at most {max} are allowed (GAgent:Memory:MaxEntryChars).", "entry_too_large", "entry"), context);
        }

        try
        {
            var document = await memory.AppendAsync(profile!.EffectiveMemoryScope, body.Entry, context.RequestAborted).ConfigureAwait(false);
            MemoryNotifications.PublishUpdated(bus, time, profile.Id, profile.EffectiveMemoryScope);
            return TypedResults.Json(ToWire(profile, document, memory), ApiJson.Context.MemoryResponse);
        }
        catch (Exception ex) when (ErrorMapper.TryMap(ex) is { } mapped)
        {
            return ApiProblems.From(mapped, context);
        }
    }

    private static async Task<(AgentProfile? Profile, IResult? Problem)> FindAsync(string id, IProfileStore profiles, CancellationToken cancellationToken)
    {
        if (ProfileEndpoints.InvalidId(id) is { } invalid)
        {
            return (null, invalid);
        }

        var profile = await profiles.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return profile is null ? (null, ProfileEndpoints.NotFound(id)) : (profile, null);
    }

    private static bool WantsMarkdown(HttpContext context)
    {
        var accept = context.Request.Headers.Accept.ToString();
        return accept.Contains("text/markdown", StringComparison.OrdinalIgnoreCase) || accept.Contains("text/plain", StringComparison.OrdinalIgnoreCase);
    }

    private static MemoryResponse ToWire(AgentProfile profile, MemoryDocument document, IMemoryStore memory)
        => new(profile.Id, document.Scope, document.Content, document.Content.Length, memory.MaxDocumentChars, document.UpdatedAt);
}
