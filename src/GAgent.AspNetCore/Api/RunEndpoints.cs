using System.Globalization;
using GAgent.AspNetCore.Api.Wire;
using GAgent.AspNetCore.Http;
using GAgent.AspNetCore.Security;
using GAgent.AspNetCore.Streaming;
using GAgent.Events;
using GAgent.Media;
using GAgent.Runs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace GAgent.AspNetCore.Api;

/// <summary>Runs: send a message (starts a run and streams it), inspect, re-attach to events, stop.</summary>
internal static class RunEndpoints
{
    private const int MaxContentLength = 200_000;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/sessions/{id}/messages", PostMessageAsync).WithName("GAgentPostMessage").WithMetadata(new GAgentScopeMetadata(GAgentScopes.Chat)).DisableRequestTimeout();
        api.MapGet("/runs/{runId}", GetRun).WithName("GAgentGetRun");
        api.MapGet("/runs/{runId}/events", StreamEvents).WithName("GAgentRunEvents").DisableRequestTimeout();
        api.MapPost("/runs/{runId}/stop", StopAsync).WithName("GAgentStopRun");
    }

    /// <summary>
    /// Starts a run with the user's message. Streams its events as SSE by default; with <c>?stream=false</c> answers
    /// 202 with the run and its events URL instead, for clients that attach later.
    /// </summary>
    private static async Task<IResult> PostMessageAsync(string id, HttpContext context, IAgentRunner runner, IMediaStore media, IOptions<GAgentServerOptions> options, bool? stream)
    {
        if (SessionEndpoints.InvalidId(id) is { } invalid)
        {
            return invalid;
        }

        var server = options.Value;
        var (body, error) = await SessionEndpoints.ReadAsync(context, ApiJson.Context.PostMessageRequest, server).ConfigureAwait(false);
        if (error is not null)
        {
            return ApiProblems.From(error, context);
        }

        if (string.IsNullOrWhiteSpace(body!.Content))
        {
            return ApiProblems.BadRequest("'content' is required: send {\"content\": \"your message\"}.", "content");
        }

        if (body.Content.Length > MaxContentLength)
        {
            return ApiProblems.From(new ErrorInfo(413, $"'content' is {body.Content.Length} characters long; at most {MaxContentLength} are accepted.", "request_too_large", "content"), context);
        }

        var (contents, attachmentError) = await MessageAttachments.BuildAsync(body.Content, body.Attachments, media, server.Limits.MaxContentParts, context.RequestAborted).ConfigureAwait(false);
        if (attachmentError is not null)
        {
            return ApiProblems.From(attachmentError, context);
        }

        IAgentRun run;
        try
        {
            run = await runner.StartAsync(new AgentRunRequest { SessionId = id, Messages = [new ChatMessage(ChatRole.User, contents!)], ModelId = body.Model, Delivery = stream == false ? RunEventDelivery.MergedDeltas : RunEventDelivery.EveryDelta }, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ErrorMapper.TryMap(ex) is { } mapped)
        {
            return ApiProblems.From(mapped, context);
        }

        context.Response.Headers.Location = $"{context.Request.PathBase}/api/runs/{run.Id}";
        context.Response.Headers["X-GAgent-Run-Id"] = run.Id;
        if (stream == false)
        {
            return TypedResults.Json(ApiMapper.ToWire(run), ApiJson.Context.RunResponse, statusCode: StatusCodes.Status202Accepted);
        }

        return Stream(context, run, 0, server.Disconnect.CancelApiRunOnDisconnect);
    }

    private static IResult GetRun(string runId, IAgentRunner runner)
        => runner.GetRun(runId) is { } run
            ? TypedResults.Json(ApiMapper.ToWire(run), ApiJson.Context.RunResponse)
            : RunNotFound(runId);

    /// <summary>Re-attaches to a run's events after <c>Last-Event-ID</c> (or <c>?after=</c>); never stops the run on disconnect.</summary>
    private static IResult StreamEvents(string runId, HttpContext context, IAgentRunner runner, long? after)
    {
        if (runner.GetRun(runId) is not { } run)
        {
            return RunNotFound(runId);
        }

        var resumeAfter = after ?? 0;
        if (after is null && context.Request.Headers["Last-Event-ID"] is [{ } lastEventId])
        {
            if (!long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out resumeAfter))
            {
                return ApiProblems.BadRequest($"The Last-Event-ID header '{lastEventId}' is not an event sequence number.", "Last-Event-ID");
            }
        }

        return resumeAfter < 0
            ? ApiProblems.BadRequest($"'after' must be 0 or more; got {resumeAfter}.", "after")
            : Stream(context, run, resumeAfter, cancelOnDisconnect: false);
    }

    private static async Task<IResult> StopAsync(string runId, IAgentRunner runner, CancellationToken cancellationToken)
    {
        if (runner.GetRun(runId) is not { } run)
        {
            return RunNotFound(runId);
        }

        if (run.RequestStop())
        {
            // Give the loop a moment to record the stop so the answer shows the final state.
            await Task.WhenAny(run.Completion, Task.Delay(TimeSpan.FromSeconds(5), cancellationToken)).ConfigureAwait(false);
        }

        return TypedResults.Json(ApiMapper.ToWire(run), ApiJson.Context.RunResponse);
    }

    internal static SseStreamResult<AgentEvent> Stream(HttpContext context, IAgentRun run, long after, bool cancelOnDisconnect)
    {
        var stream = new NativeEventStream(run, after);
        context.Response.RegisterForDispose(stream);
        return new SseStreamResult<AgentEvent>(stream, _ =>
        {
            if (cancelOnDisconnect)
            {
                run.RequestStop();
            }
        });
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult RunNotFound(string runId) => ApiProblems.From(ErrorMapper.TryMap(new RunNotFoundException(runId))!);
}
