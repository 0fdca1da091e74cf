using System.Globalization;
using System.Text.Json;
using GAgent.AspNetCore.Http;
using GAgent.AspNetCore.OpenAI.Responses.Wire;
using GAgent.AspNetCore.Streaming;
using GAgent.Events;
using GAgent.Responses;
using GAgent.Runs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace GAgent.AspNetCore.OpenAI.Responses;

/// <summary>
/// The OpenAI Responses endpoints under <c>/v1</c>. Each response is an ephemeral run of the agent whose context is the
/// stored <c>previous_response_id</c> chain plus the new input; stored responses live in <see cref="IResponseStore"/>.
/// <c>GET ?stream=true</c> follows a response still in progress with the same events and numbers as its original
/// stream; for a finished response it replays the stream re-projected from the stored output, each text in one delta,
/// so <c>starting_after</c> then counts events of that replay.
/// </summary>
internal static class ResponsesEndpoints
{
    private const int MaxChainLength = 1000;

    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapPost("/responses", CreateAsync).WithName("GAgentCreateResponse").DisableRequestTimeout();
        v1.MapGet("/responses/{id}", GetAsync).WithName("GAgentGetResponse").DisableRequestTimeout();
        v1.MapDelete("/responses/{id}", DeleteAsync).WithName("GAgentDeleteResponse");
        v1.MapPost("/responses/{id}/cancel", CancelAsync).WithName("GAgentCancelResponse");
        v1.MapGet("/responses/{id}/input_items", ListInputItemsAsync).WithName("GAgentListResponseInputItems");
    }

    private static async Task<IResult> CreateAsync(HttpContext context, IAgentRunner runner, IResponseStore store, ResponseRecorder recorder, IOptions<GAgentServerOptions> options, TimeProvider time)
    {
        var server = options.Value;
        var (body, readError) = await JsonBody.ReadAsync(context, ResponsesJson.Context.CreateResponseRequest, server.Limits.MaxOpenAIRequestBytes, server.Limits.MaxJsonDepth, nameof(HttpLimitsOptions.MaxOpenAIRequestBytes)).ConfigureAwait(false);
        if (readError is not null)
        {
            return OpenAIResults.Error(readError, context);
        }

        var (history, chainError) = await LoadChainAsync(store, body!.PreviousResponseId, context.RequestAborted).ConfigureAwait(false);
        if (chainError is not null)
        {
            return OpenAIResults.Error(chainError, context);
        }

        var (request, mapError) = ResponseRequestMapper.Map(body, history!, server.Limits);
        if (mapError is not null)
        {
            return OpenAIResults.Error(mapError, context);
        }

        ActiveResponse active;
        try
        {
            var run = await runner.StartAsync(request!.Run, context.RequestAborted).ConfigureAwait(false);
            active = await recorder.BeginAsync(run, request, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ErrorMapper.TryMap(ex) is not null)
        {
            return OpenAIResults.Error(ErrorMapper.TryMap(ex)!, context);
        }

        var cancelOnDisconnect = server.Disconnect.CancelOpenAIRunOnDisconnect;
        if (body.Stream == true)
        {
            var stream = new ResponseStream(active, -1, time);
            context.Response.RegisterForDispose(stream);
            return new SseStreamResult<AgentEvent>(stream, _ => StopIf(cancelOnDisconnect, active));
        }

        try
        {
            var response = await active.Completion.WaitAsync(context.RequestAborted).ConfigureAwait(false);
            return new BufferedJsonResult<ResponseObject>(response, ResponsesJson.Context.ResponseObject);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            StopIf(cancelOnDisconnect, active);
            return TypedResults.Empty;
        }
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, ResponseRecorder recorder, TimeProvider time)
    {
        var query = context.Request.Query;
        var stream = query["stream"].ToString() is { Length: > 0 } flag
            ? bool.TryParse(flag, out var parsed) ? parsed : (bool?)null
            : false;
        if (stream is null)
        {
            return OpenAIResults.Error(new ErrorInfo(400, "'stream' must be true or false.", "invalid_value", "stream"), context);
        }

        var startingAfter = -1L;
        if (query["starting_after"].ToString() is { Length: > 0 } after
            && (!long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out startingAfter)))
        {
            return OpenAIResults.Error(new ErrorInfo(400, "'starting_after' must be a non-negative sequence number.", "invalid_value", "starting_after"), context);
        }

        if (stream == true && recorder.GetActive(id) is { } active)
        {
            var live = new ResponseStream(active, startingAfter, time);
            context.Response.RegisterForDispose(live);
            return new SseStreamResult<AgentEvent>(live);
        }

        var response = await recorder.GetStoredAsync(id, context.RequestAborted).ConfigureAwait(false);
        if (response is null)
        {
            return NotFound(id, context);
        }

        if (stream == true)
        {
            var replay = new ResponseReplayStream(response, startingAfter);
            context.Response.RegisterForDispose(replay);
            return new SseStreamResult<ResponseStreamEvent>(replay);
        }

        return TypedResults.Json(response, ResponsesJson.Context.ResponseObject);
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext context, IResponseStore store)
        => await store.DeleteAsync(id, context.RequestAborted).ConfigureAwait(false)
            ? TypedResults.Json(new ResponseDeleted(id, "response", Deleted: true), ResponsesJson.Context.ResponseDeleted)
            : NotFound(id, context);

    private static async Task<IResult> CancelAsync(string id, HttpContext context, ResponseRecorder recorder)
    {
        if (recorder.GetActive(id) is { } active)
        {
            active.Run.RequestStop();
            try
            {
                // The run stops at its next await; its final (cancelled) response is what the client wants back.
                var response = await active.Completion.WaitAsync(TimeSpan.FromSeconds(10), context.RequestAborted).ConfigureAwait(false);
                return TypedResults.Json(response, ResponsesJson.Context.ResponseObject);
            }
            catch (TimeoutException)
            {
                var snapshot = active.Template.Snapshot();
                snapshot.Status = ResponseStatuses.InProgress;
                return TypedResults.Json(snapshot, ResponsesJson.Context.ResponseObject);
            }
        }

        // A response that already ended is returned as it is: cancelling it again changes nothing.
        var stored = await recorder.GetStoredAsync(id, context.RequestAborted).ConfigureAwait(false);
        return stored is null ? NotFound(id, context) : TypedResults.Json(stored, ResponsesJson.Context.ResponseObject);
    }

    private static async Task<IResult> ListInputItemsAsync(string id, HttpContext context, IResponseStore store)
    {
        var query = context.Request.Query;
        var limit = 20;
        if (query["limit"].ToString() is { Length: > 0 } limitText && !int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit))
        {
            return OpenAIResults.Error(new ErrorInfo(400, $"'limit' must be a number between 1 and {ResponseItemQuery.MaxLimit}.", "invalid_value", "limit"), context);
        }

        var order = query["order"].ToString();
        if (order is not ("" or "asc" or "desc"))
        {
            return OpenAIResults.Error(new ErrorInfo(400, $"'{order}' is not a valid order; use 'asc' or 'desc'.", "invalid_value", "order"), context);
        }

        ResponseItemPage? page;
        try
        {
            var after = query["after"].ToString();
            page = await store.ListInputItemsAsync(id, new ResponseItemQuery { Limit = limit, Descending = order != "asc", After = after.Length > 0 ? after : null }, context.RequestAborted).ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            return OpenAIResults.Error(ErrorMapper.TryMap(ex)!, context);
        }

        return page is null
            ? NotFound(id, context)
            : TypedResults.Json(new ResponseItemList("list", [.. page.Items.Select(static i => i.Item)], page.Items.Count > 0 ? page.Items[0].Id : null, page.Items.Count > 0 ? page.Items[^1].Id : null, page.HasMore), ResponsesJson.Context.ResponseItemList);
    }

    /// <summary>The stored items of the chain ending at <paramref name="previousId"/>, oldest first: each response's input, then its output.</summary>
    private static async Task<(List<ResponseItem>? Items, ErrorInfo? Error)> LoadChainAsync(IResponseStore store, string? previousId, CancellationToken cancellationToken)
    {
        var chain = new List<StoredResponse>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var id = previousId; id is not null; id = chain[^1].PreviousResponseId)
        {
            if (!seen.Add(id) || chain.Count >= MaxChainLength)
            {
                return (null, new ErrorInfo(400, $"The chain of previous responses from '{previousId}' is longer than {MaxChainLength} or loops.", "invalid_value", "previous_response_id"));
            }

            var stored = await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return (null, new ErrorInfo(404, $"Previous response with id '{id}' not found.", "previous_response_not_found", "previous_response_id"));
            }

            chain.Add(stored);
        }

        chain.Reverse();
        return ([.. chain.SelectMany(static r => r.InputItems.Concat(r.OutputItems))], null);
    }

    private static IResult NotFound(string id, HttpContext context)
        => OpenAIResults.Error(new ErrorInfo(404, $"No response found with id '{id}'.", "response_not_found"), context);

    private static void StopIf(bool cancel, ActiveResponse active)
    {
        if (cancel)
        {
            active.Run.RequestStop();
        }
    }
}
