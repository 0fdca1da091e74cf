using System.Collections.Concurrent;
using System.Text.Json;
using GAgent.AspNetCore.OpenAI.Responses.Wire;
using GAgent.AspNetCore.Streaming;
using GAgent.Responses;
using GAgent.Runs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GAgent.AspNetCore.OpenAI.Responses;

/// <summary>
/// Owns responses while their runs go on, independent of the HTTP request that started them: it projects each run to
/// its final response and stores it (when <c>store</c> is true) even if the client stopped listening, and it keeps the
/// in-progress responses that streams, <c>GET ?stream=true</c> and <c>cancel</c> attach to.
/// </summary>
internal sealed class ResponseRecorder(IResponseStore store, TimeProvider time, ILogger<ResponseRecorder>? logger = null) : IAsyncDisposable
{
    private static readonly TimeSpan ShutdownWait = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, ActiveResponse> _active = new(StringComparer.Ordinal);
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger<ResponseRecorder>.Instance;

    public static string ResponseId(IAgentRun run) => "resp_" + run.Id.Replace("run_", string.Empty, StringComparison.Ordinal);

    public ActiveResponse? GetActive(string responseId) => _active.TryGetValue(responseId, out var active) ? active : null;

    /// <summary>Registers the started run as a response, stores it as in progress, and records its end in the background.</summary>
    public async Task<ActiveResponse> BeginAsync(IAgentRun run, MappedResponseRequest request, CancellationToken cancellationToken)
    {
        var template = request.Template.Snapshot();
        template.Id = ResponseId(run);
        template.CreatedAt = run.CreatedAt.ToUnixTimeSeconds();
        var active = new ActiveResponse(run, template, request.InputItems);
        _active[active.Id] = active;
        if (template.Store)
        {
            try
            {
                await store.SaveAsync(ToStored(template, active.InputItems), cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                _active.TryRemove(active.Id, out _);
                run.RequestStop();
                throw;
            }
        }

        _ = Task.Run(() => RecordAsync(active), CancellationToken.None);
        return active;
    }

    /// <summary>
    /// Reads a stored response. One stored as in progress whose run is not going on here was cut off when a previous
    /// process stopped (this process registers a response before storing it and stores it before letting go of it):
    /// it is recorded as failed so its status is true to what happened.
    /// </summary>
    public async Task<ResponseObject?> GetStoredAsync(string responseId, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(responseId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        var response = stored.Response.Deserialize(ResponsesJson.Context.ResponseObject)!;
        if (response.Status != ResponseStatuses.InProgress || _active.ContainsKey(responseId))
        {
            return response;
        }

        response.Status = ResponseStatuses.Failed;
        response.Error = new ResponseErrorBody("server_error", "The gateway stopped before this response finished; its output is incomplete.");
        foreach (var item in response.Output.Where(static i => i.Status == ResponseStatuses.InProgress))
        {
            item.Status = ResponseStatuses.Incomplete;
        }

        try
        {
            await store.SaveAsync(ToStored(response, stored.InputItems), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.SaveFailed(responseId, ex);
        }

        return response;
    }

    /// <summary>At shutdown, stops the runs still going and waits (briefly) until their responses are recorded.</summary>
    public async ValueTask DisposeAsync()
    {
        var pending = _active.Values.ToList();
        foreach (var active in pending)
        {
            active.Run.RequestStop();
        }

        try
        {
            await Task.WhenAll(pending.Select(static a => a.Completion)).WaitAsync(ShutdownWait).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Left as in progress in the store; the next process reads them as failed (see GetStoredAsync).
        }
    }

    public static StoredResponse ToStored(ResponseObject response, IReadOnlyList<ResponseItem> inputItems) => new()
    {
        Id = response.Id,
        PreviousResponseId = response.PreviousResponseId,
        Status = response.Status,
        CreatedAt = DateTimeOffset.FromUnixTimeSeconds(response.CreatedAt),
        Response = JsonSerializer.SerializeToElement(response, ResponsesJson.Context.ResponseObject),
        InputItems = inputItems,
        OutputItems = [.. response.Output.Select(static item => new ResponseItem { Id = item.Id, Item = JsonSerializer.SerializeToElement(item, ResponsesJson.Context.ResponseOutputItem) })],
    };

    private async Task RecordAsync(ActiveResponse active)
    {
        var projector = new ResponseProjector(active.Template, active.Run.Id);
        try
        {
            await foreach (var batch in RunEventSource.ReadBatchesAsync(active.Run, 0, RunEventDelivery.MergedDeltas, CancellationToken.None).ConfigureAwait(false))
            {
                foreach (var agentEvent in batch.Span)
                {
                    _ = projector.Apply(agentEvent);
                }
            }
        }
        catch (Exception ex)
        {
            _logger.RecordingFailed(active.Id, active.Run.Id, ex);
        }

        _ = projector.Abandon(time.GetUtcNow(), "The run ended without a result.");
        var response = projector.Response;
        if (response.Store)
        {
            try
            {
                await store.SaveAsync(ToStored(response, active.InputItems), CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                _logger.SaveFailed(active.Id, ex);
            }
        }

        _logger.Recorded(active.Id, response.Status, active.Run.Id);
        _active.TryRemove(active.Id, out _);
        active.Complete(response.Snapshot());
    }
}
