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
internal sealed class ResponseRecorder(IResponseStore store, TimeProvider time, ILogger<ResponseRecorder>? logger = null)
{
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
            await foreach (var agentEvent in RunEventSource.ReadAsync(active.Run, 0, CancellationToken.None).ConfigureAwait(false))
            {
                _ = projector.Apply(agentEvent);
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
