using System.Text.Encodings.Web;
using System.Text.Json;
using GAgent.AspNetCore.Api.Wire;
using GAgent.AspNetCore.Http;
using GAgent.AspNetCore.Security;
using GAgent.Routines;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace GAgent.AspNetCore.Api;

/// <summary>Routines REST: list, create, get, replace, patch, delete and run now. Reading needs <c>chat</c>, changing <c>admin</c>.</summary>
internal static class RoutineEndpoints
{
    private const long MaxIntervalSeconds = 366L * 24 * 60 * 60;

    private static readonly RoutineJsonContext Json = new(new JsonSerializerOptions(RoutineJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public static void Map(RouteGroupBuilder api)
    {
        var routines = api.MapGroup("/routines");
        var read = new GAgentScopeMetadata(GAgentScopes.Chat);
        routines.MapGet("/", ListAsync).WithName("GAgentListRoutines").WithMetadata(read);
        routines.MapPost("/", CreateAsync).WithName("GAgentCreateRoutine");
        routines.MapGet("/{id}", GetAsync).WithName("GAgentGetRoutine").WithMetadata(read);
        routines.MapPut("/{id}", ReplaceAsync).WithName("GAgentReplaceRoutine");
        routines.MapPatch("/{id}", PatchAsync).WithName("GAgentPatchRoutine");
        routines.MapDelete("/{id}", DeleteAsync).WithName("GAgentDeleteRoutine");
        routines.MapPost("/{id}/run", RunAsync).WithName("GAgentRunRoutine");
    }

    private static async Task<IResult> ListAsync(RoutineManager manager, CancellationToken cancellationToken)
    {
        var routines = await manager.ListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Json(new RoutineListView([.. routines.Select(RoutineViews.ToView)]), Json.RoutineListView);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, RoutineManager manager, IOptions<GAgentServerOptions> options)
    {
        var (body, error) = await SessionEndpoints.ReadAsync(context, RoutineApiJsonContext.Default.RoutineRequest, options.Value).ConfigureAwait(false);
        if (error is not null)
        {
            return ApiProblems.From(error, context);
        }

        if (body!.Id is not null && InvalidId(body.Id) is { } invalid)
        {
            return invalid;
        }

        if (ToSchedule(body.Schedule, out var schedule) is { } scheduleError)
        {
            return scheduleError;
        }

        try
        {
            var routine = await manager.CreateAsync(body.Id, ToDefinition(body, schedule), context.RequestAborted).ConfigureAwait(false);
            context.Response.Headers.Location = $"{context.Request.PathBase}{context.Request.Path.Value!.TrimEnd('/')}/{routine.Id}";
            return TypedResults.Json(RoutineViews.ToView(routine), Json.RoutineView, statusCode: StatusCodes.Status201Created);
        }
        catch (Exception ex) when (Map(ex) is { } mapped)
        {
            return ApiProblems.From(mapped, context);
        }
    }

    private static async Task<IResult> GetAsync(string id, RoutineManager manager, CancellationToken cancellationToken)
    {
        if (InvalidId(id) is { } invalid)
        {
            return invalid;
        }

        return await manager.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } routine
            ? TypedResults.Json(RoutineViews.ToView(routine), Json.RoutineView)
            : NotFound(id);
    }

    private static async Task<IResult> ReplaceAsync(string id, HttpContext context, RoutineManager manager, IOptions<GAgentServerOptions> options)
    {
        if (InvalidId(id) is { } invalid)
        {
            return invalid;
        }

        var (body, error) = await SessionEndpoints.ReadAsync(context, RoutineApiJsonContext.Default.RoutineRequest, options.Value).ConfigureAwait(false);
        if (error is not null)
        {
            return ApiProblems.From(error, context);
        }

        if (body!.Id is not null && !string.Equals(body.Id, id, StringComparison.Ordinal))
        {
            return ApiProblems.BadRequest($"The body's 'id' ('{body.Id}') differs from the URL's ('{id}'); ids cannot be changed. Leave 'id' out.", "id");
        }

        if (ToSchedule(body.Schedule, out var schedule) is { } scheduleError)
        {
            return scheduleError;
        }

        return await UpdateAsync(context, manager, id, ToDefinition(body, schedule)).ConfigureAwait(false);
    }

    private static async Task<IResult> PatchAsync(string id, HttpContext context, RoutineManager manager, IOptions<GAgentServerOptions> options)
    {
        if (InvalidId(id) is { } invalid)
        {
            return invalid;
        }

        var (body, error) = await SessionEndpoints.ReadAsync(context, RoutineApiJsonContext.Default.RoutineRequest, options.Value).ConfigureAwait(false);
        if (error is not null)
        {
            return ApiProblems.From(error, context);
        }

        if (body!.Id is not null && !string.Equals(body.Id, id, StringComparison.Ordinal))
        {
            return ApiProblems.BadRequest($"The body's 'id' ('{body.Id}') differs from the URL's ('{id}'); ids cannot be changed. Leave 'id' out.", "id");
        }

        if (await manager.GetAsync(id, context.RequestAborted).ConfigureAwait(false) is not { } existing)
        {
            return NotFound(id);
        }

        RoutineSchedule? schedule = null;
        if (body.Schedule is not null && ToSchedule(body.Schedule, out schedule) is { } scheduleError)
        {
            return scheduleError;
        }

        var current = existing.Definition;
        var definition = current with
        {
            Name = body.Name ?? current.Name,
            Prompt = body.Prompt ?? current.Prompt,
            Schedule = schedule ?? current.Schedule,
            Target = body.Target is null ? current.Target : ToTarget(body.Target),
            ModelId = body.Model is null ? current.ModelId : body.Model.Length == 0 ? null : body.Model,
            Enabled = body.Enabled ?? current.Enabled,
        };
        return await UpdateAsync(context, manager, id, definition).ConfigureAwait(false);
    }

    private static async Task<IResult> DeleteAsync(string id, RoutineManager manager, CancellationToken cancellationToken)
    {
        if (InvalidId(id) is { } invalid)
        {
            return invalid;
        }

        return await manager.DeleteAsync(id, cancellationToken).ConfigureAwait(false) ? TypedResults.NoContent() : NotFound(id);
    }

    private static async Task<IResult> RunAsync(string id, HttpContext context, RoutineManager manager)
    {
        if (InvalidId(id) is { } invalid)
        {
            return invalid;
        }

        try
        {
            var run = await manager.RunNowAsync(id, context.RequestAborted).ConfigureAwait(false);
            context.Response.Headers.Location = $"{context.Request.PathBase}/api/runs/{run.Id}";
            context.Response.Headers["X-GAgent-Run-Id"] = run.Id;
            return TypedResults.Json(new RoutineRunStartedView(id, run.Id, run.SessionId, run.Status.ToString().ToLowerInvariant()), Json.RoutineRunStartedView, statusCode: StatusCodes.Status202Accepted);
        }
        catch (Exception ex) when (Map(ex) is { } mapped)
        {
            return ApiProblems.From(mapped, context);
        }
    }

    private static async Task<IResult> UpdateAsync(HttpContext context, RoutineManager manager, string id, RoutineDefinition definition)
    {
        try
        {
            var routine = await manager.UpdateAsync(id, definition, context.RequestAborted).ConfigureAwait(false);
            return TypedResults.Json(RoutineViews.ToView(routine), Json.RoutineView);
        }
        catch (Exception ex) when (Map(ex) is { } mapped)
        {
            return ApiProblems.From(mapped, context);
        }
    }

    private static RoutineDefinition ToDefinition(RoutineRequest body, RoutineSchedule? schedule) => new()
    {
        // Missing members are reported by the manager's validation, naming the field.
        Name = body.Name!,
        Prompt = body.Prompt!,
        Schedule = schedule!,
        Target = body.Target is null ? null! : ToTarget(body.Target),
        ModelId = string.IsNullOrEmpty(body.Model) ? null : body.Model,
        Enabled = body.Enabled ?? true,
    };

    private static RoutineTarget ToTarget(RoutineTargetRequest target) => new() { SessionId = target.SessionId, ChannelName = target.Channel, ChatId = target.ChatId };

    private static ProblemHttpResult? ToSchedule(RoutineScheduleRequest? request, out RoutineSchedule? schedule)
    {
        schedule = null;
        if (request is null)
        {
            return null;
        }

        if (request.IntervalSeconds is { } seconds && (seconds < 60 || seconds > MaxIntervalSeconds))
        {
            return ApiProblems.BadRequest($"'schedule.intervalSeconds' is {seconds}; use at least 60 (one minute) and at most {MaxIntervalSeconds} (366 days).", "schedule.intervalSeconds");
        }

        schedule = new RoutineSchedule { Cron = request.Cron, TimeZone = request.TimeZone, Interval = request.IntervalSeconds is { } s ? TimeSpan.FromSeconds(s) : null };
        return null;
    }

    private static ErrorInfo? Map(Exception exception) => exception switch
    {
        RoutineNotFoundException e => new ErrorInfo(404, e.Message, e.ErrorCode),
        RoutineAlreadyExistsException e => new ErrorInfo(409, e.Message, e.ErrorCode, "id"),
        ArgumentException { ParamName: "schedule.interval" } e => new ErrorInfo(400, ErrorMapper.TryMap(e)!.Message, "invalid_request", "schedule.intervalSeconds"),
        _ => ErrorMapper.TryMap(exception),
    };

    private static ProblemHttpResult? InvalidId(string id) => RoutineIds.IsValid(id)
        ? null
        : ApiProblems.BadRequest($"'{id}' is not a valid routine id: use 1 to {RoutineIds.MaxLength} characters of letters, digits, '-' and '_'.", "id");

    private static ProblemHttpResult NotFound(string id) => ApiProblems.NotFound(new RoutineNotFoundException(id).Message, "routine_not_found");
}
