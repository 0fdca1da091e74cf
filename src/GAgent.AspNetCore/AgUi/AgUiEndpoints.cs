using GAgent.Approvals;
using GAgent.AspNetCore.AgUi.Wire;
using GAgent.AspNetCore.Api;
using GAgent.AspNetCore.Http;
using GAgent.AspNetCore.Security;
using GAgent.Runs;
using GAgent.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GAgent.AspNetCore.AgUi;

/// <summary>
/// <c>POST /api/agui</c>: an AG-UI endpoint. Takes a <c>RunAgentInput</c>, runs the agent in the thread's session and
/// streams the run's events in AG-UI shapes as data-only SSE (the native projection, so AG-UI clients and GAgent's own
/// SSE clients read the same events).
/// </summary>
internal static class AgUiEndpoints
{
    public static void Map(RouteGroupBuilder api)
        => api.MapPost("/agui", RunAsync).WithName("GAgentAgUiRun").WithMetadata(new GAgentScopeMetadata(GAgentScopes.Chat)).DisableRequestTimeout();

    private static async Task<IResult> RunAsync(HttpContext context, IAgentRunner runner, ISessionStore sessions, IOptions<GAgentServerOptions> options)
    {
        var server = options.Value;

        // AG-UI clients send the whole thread (and inline images) every time, so the body gets the OpenAI API's cap.
        var (input, readError) = await JsonBody.ReadAsync(context, AgUiJsonContext.Default.AgUiRunInput, server.Limits.MaxOpenAIRequestBytes, server.Limits.MaxJsonDepth, nameof(HttpLimitsOptions.MaxOpenAIRequestBytes)).ConfigureAwait(false);
        if (readError is not null)
        {
            return ApiProblems.From(readError, context);
        }

        var (turn, mapError) = AgUiInputMapper.Map(input!, server.Limits);
        if (mapError is not null)
        {
            return ApiProblems.From(mapError, context);
        }

        if (input!.Resume is { } resume)
        {
            // Answers to the approvals the thread's paused run waits on: the response is the run that continues it.
            return await ResumeAsync(context, turn!.ThreadId, resume, server).ConfigureAwait(false);
        }

        IAgentRun run;
        try
        {
            var session = await GetOrCreateSessionAsync(sessions, turn!.ThreadId, context.RequestAborted).ConfigureAwait(false);
            var stored = session.MessageCount == 0
                ? []
                : (await sessions.ReadMessagesAsync(session.Id, new MessageQuery { Limit = MessageQuery.MaxLimit }, context.RequestAborted).ConfigureAwait(false)).Items;
            var fresh = AgUiInputMapper.SelectNew(turn.Conversation, stored.Select(static m => m.Id).ToHashSet(StringComparer.Ordinal), session.MessageCount == 0);
            if (fresh.Count == 0)
            {
                return ApiProblems.From(new ErrorInfo(400, "'messages' holds no message the thread does not already have; append the new user message (or tool results).", "no_new_messages", "messages"), context);
            }

            run = await runner.StartAsync(
                new AgentRunRequest { SessionId = session.Id, Messages = fresh, ModelId = turn.ModelId, ClientTools = turn.ClientTools, Instructions = turn.Instructions },
                context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ErrorMapper.TryMap(ex) is { } mapped)
        {
            return ApiProblems.From(mapped, context);
        }

        context.Response.Headers.Location = $"{context.Request.PathBase}/api/runs/{run.Id}";
        context.Response.Headers["X-GAgent-Run-Id"] = run.Id;
        return RunEndpoints.Stream(context, run, 0, server.Disconnect.CancelApiRunOnDisconnect);
    }

    private static async Task<IResult> ResumeAsync(HttpContext context, string threadId, List<AgUiResumeEntry?> resume, GAgentServerOptions server)
    {
        var services = context.RequestServices;

        // Deciding an approval is the owner's call: the admin scope, as POST /api/approvals/{id}/approve needs.
        if (services.GetRequiredService<GAgentAccessPolicy>().Check(context, GAgentScopes.Admin) is { } denied)
        {
            return ApiProblems.From(denied, context);
        }

        var (decisions, parseError) = AgUiResume.Parse(resume);
        if (parseError is not null)
        {
            return ApiProblems.From(parseError, context);
        }

        var (run, error) = await AgUiResume.DecideAsync(
            threadId,
            decisions!,
            services.GetRequiredService<IApprovalStore>(),
            services.GetRequiredService<ApprovalService>(),
            services.GetRequiredService<IAgentRunner>(),
            context.RequestAborted).ConfigureAwait(false);
        if (error is not null)
        {
            return ApiProblems.From(error, context);
        }

        context.Response.Headers.Location = $"{context.Request.PathBase}/api/runs/{run!.Id}";
        context.Response.Headers["X-GAgent-Run-Id"] = run.Id;
        return RunEndpoints.Stream(context, run, 0, server.Disconnect.CancelApiRunOnDisconnect);
    }

    private static async Task<SessionInfo> GetOrCreateSessionAsync(ISessionStore sessions, string id, CancellationToken cancellationToken)
    {
        if (await sessions.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return existing;
        }

        try
        {
            return await sessions.CreateAsync(new NewSession { Id = id }, cancellationToken).ConfigureAwait(false);
        }
        catch (SessionAlreadyExistsException)
        {
            // Two first runs of a new thread raced; the other created it.
            return await sessions.GetAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new SessionNotFoundException(id);
        }
    }
}
