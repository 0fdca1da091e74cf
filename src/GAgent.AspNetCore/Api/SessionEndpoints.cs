using GAgent.AspNetCore.Api.Wire;
using GAgent.AspNetCore.Http;
using GAgent.Runs;
using GAgent.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace GAgent.AspNetCore.Api;

/// <summary>Sessions REST: list, create, get, rename/pin, delete and read messages.</summary>
internal static class SessionEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var sessions = api.MapGroup("/sessions");
        sessions.MapGet("/", ListAsync).WithName("GAgentListSessions");
        sessions.MapPost("/", CreateAsync).WithName("GAgentCreateSession");
        sessions.MapGet("/{id}", GetAsync).WithName("GAgentGetSession");
        sessions.MapPatch("/{id}", PatchAsync).WithName("GAgentPatchSession");
        sessions.MapDelete("/{id}", DeleteAsync).WithName("GAgentDeleteSession");
        sessions.MapGet("/{id}/messages", ReadMessagesAsync).WithName("GAgentListSessionMessages");
    }

    private static async Task<IResult> ListAsync(ISessionStore store, IAgentRunner runner, string? search, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var size = limit ?? 50;
        if (size is < 1 or > SessionQuery.MaxLimit)
        {
            return ApiProblems.BadRequest($"'limit' must be between 1 and {SessionQuery.MaxLimit}; got {size}.", "limit");
        }

        try
        {
            var page = await store.ListAsync(new SessionQuery { Search = search, Limit = size, Cursor = cursor }, cancellationToken).ConfigureAwait(false);
            return TypedResults.Json(new SessionListResponse([.. page.Items.Select(s => ApiMapper.ToWire(s, runner.GetActiveRun(s.Id)?.Id))], page.NextCursor), ApiJson.Context.SessionListResponse);
        }
        catch (ArgumentException ex)
        {
            return ApiProblems.From(ErrorMapper.TryMap(ex)! with { Param = "cursor" });
        }
    }

    private static async Task<IResult> CreateAsync(HttpContext context, ISessionStore store, GAgent.Profiles.IProfileStore profiles, IOptions<GAgentServerOptions> options)
    {
        var body = new CreateSessionRequest();
        if (context.Request.ContentLength is not 0 && (context.Request.ContentLength is > 0 || context.Request.ContentType is not null))
        {
            var (read, error) = await ReadAsync(context, ApiJson.Context.CreateSessionRequest, options.Value).ConfigureAwait(false);
            if (error is not null)
            {
                return ApiProblems.From(error, context);
            }

            body = read!;
        }

        if (body.Id is not null && !SessionIds.IsValid(body.Id))
        {
            return ApiProblems.BadRequest($"'{body.Id}' is not a valid session id: use 1 to {SessionIds.MaxLength} characters of letters, digits, '-' and '_'.", "id");
        }

        if (ValidateTitle(body.Title) is { } titleError)
        {
            return titleError;
        }

        if (await ProfileEndpoints.CheckReferenceAsync(body.ProfileId, profiles, context.RequestAborted).ConfigureAwait(false) is { } profileError)
        {
            return profileError;
        }

        try
        {
            var session = await store.CreateAsync(new NewSession { Id = body.Id, Title = body.Title, ProfileId = body.ProfileId }, context.RequestAborted).ConfigureAwait(false);
            return TypedResults.Created($"{context.Request.PathBase}{context.Request.Path.Value!.TrimEnd('/')}/{session.Id}", ApiMapper.ToWire(session, null));
        }
        catch (Exception ex) when (ErrorMapper.TryMap(ex) is { } error)
        {
            return ApiProblems.From(error, context);
        }
    }

    private static async Task<IResult> GetAsync(string id, ISessionStore store, IAgentRunner runner, CancellationToken cancellationToken)
    {
        if (InvalidId(id) is { } invalid)
        {
            return invalid;
        }

        var session = await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return session is null
            ? NotFound(id)
            : TypedResults.Json(ApiMapper.ToWire(session, runner.GetActiveRun(id)?.Id), ApiJson.Context.SessionResponse);
    }

    private static async Task<IResult> PatchAsync(string id, HttpContext context, ISessionStore store, IAgentRunner runner, GAgent.Profiles.IProfileStore profiles, IOptions<GAgentServerOptions> options)
    {
        if (InvalidId(id) is { } invalid)
        {
            return invalid;
        }

        var (body, error) = await ReadAsync(context, ApiJson.Context.PatchSessionRequest, options.Value).ConfigureAwait(false);
        if (error is not null)
        {
            return ApiProblems.From(error, context);
        }

        if (ValidateTitle(body!.Title) is { } titleError)
        {
            return titleError;
        }

        if (await ProfileEndpoints.CheckReferenceAsync(body.ProfileId, profiles, context.RequestAborted).ConfigureAwait(false) is { } profileError)
        {
            return profileError;
        }

        try
        {
            var session = await store.UpdateAsync(id, new SessionPatch { Title = body.Title, Pinned = body.Pinned, ProfileId = body.ProfileId }, context.RequestAborted).ConfigureAwait(false);
            return TypedResults.Json(ApiMapper.ToWire(session, runner.GetActiveRun(id)?.Id), ApiJson.Context.SessionResponse);
        }
        catch (Exception ex) when (ErrorMapper.TryMap(ex) is { } mapped)
        {
            return ApiProblems.From(mapped, context);
        }
    }

    private static async Task<IResult> DeleteAsync(string id, ISessionStore store, IAgentRunner runner, CancellationToken cancellationToken)
    {
        if (InvalidId(id) is { } invalid)
        {
            return invalid;
        }

        if (runner.GetActiveRun(id) is { } active)
        {
            return ApiProblems.From(new ErrorInfo(409, $"Session '{id}' has an active run ('{active.Id}'). Stop it with POST /api/runs/{active.Id}/stop before deleting the session.", "session_busy"));
        }

        return await store.DeleteAsync(id, cancellationToken).ConfigureAwait(false) ? TypedResults.NoContent() : NotFound(id);
    }

    private static async Task<IResult> ReadMessagesAsync(string id, HttpContext context, ISessionStore store, int? limit, long? before, CancellationToken cancellationToken)
    {
        if (InvalidId(id) is { } invalid)
        {
            return invalid;
        }

        var size = limit ?? 50;
        if (size is < 1 or > MessageQuery.MaxLimit)
        {
            return ApiProblems.BadRequest($"'limit' must be between 1 and {MessageQuery.MaxLimit}; got {size}.", "limit");
        }

        if (before is < 0)
        {
            return ApiProblems.BadRequest($"'before' must be a message index of 0 or more; got {before}.", "before");
        }

        try
        {
            var page = await store.ReadMessagesAsync(id, new MessageQuery { Limit = size, Before = before }, cancellationToken).ConfigureAwait(false);
            var items = page.Items.Select((m, i) => ApiMapper.ToWire(m, page.FirstIndex + i, mediaId => MediaLinks.SignedUrl(context, mediaId))).ToList();
            return TypedResults.Json(new MessagePageResponse(items, page.FirstIndex, page.TotalCount, page.HasMore), ApiJson.Context.MessagePageResponse);
        }
        catch (Exception ex) when (ErrorMapper.TryMap(ex) is { } error)
        {
            return ApiProblems.From(ex is ArgumentException ? error with { Param = "before" } : error);
        }
    }

    internal static IResult? InvalidId(string id) => SessionIds.IsValid(id)
        ? null
        : ApiProblems.BadRequest($"'{id}' is not a valid session id: use 1 to {SessionIds.MaxLength} characters of letters, digits, '-' and '_'.", "id");

    internal static IResult NotFound(string id) => ApiProblems.NotFound(new SessionNotFoundException(id).Message, "session_not_found");

    internal static Task<(T? Value, ErrorInfo? Error)> ReadAsync<T>(HttpContext context, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, GAgentServerOptions options)
        where T : class
        => JsonBody.ReadAsync(context, typeInfo, options.Limits.MaxApiRequestBytes, options.Limits.MaxJsonDepth, nameof(HttpLimitsOptions.MaxApiRequestBytes));

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? ValidateTitle(string? title) => title is { Length: > 200 }
        ? ApiProblems.BadRequest($"'title' is {title.Length} characters long; at most 200 are allowed.", "title")
        : null;
}
