using System.Text;
using System.Text.Json;
using GAgent.Agent;
using GAgent.AspNetCore.OpenAI.Responses.Wire;
using GAgent.Events;
using Microsoft.Extensions.AI;

namespace GAgent.AspNetCore.OpenAI.Responses;

/// <summary>
/// Projects a run's events onto the Responses event stream and, at the same time, builds the response object it ends
/// with. Deterministic: projecting the same run twice gives the same events, numbers and ids, so the stream a client
/// reads and the response the recorder stores always agree. Only client-declared tool calls become
/// <c>function_call</c> items; the agent's own tools run on the server and never show.
/// </summary>
internal sealed class ResponseProjector(ResponseObject template, string runId)
{
    /// <summary>The type of the per-token event, which <see cref="ResponseStream"/> writes without the serializer.</summary>
    public const string TextDeltaType = "response.output_text.delta";

    /// <summary>The <c>logprobs</c> of every text event: GAgent does not return log probabilities. Shared, never changed.</summary>
    private static readonly List<JsonElement> NoLogprobs = [];

    // Reused by Apply: its callers read the events of one agent event before passing the next (one per token).
    private readonly List<ResponseStreamEvent> _events = [];

    // The per-token event, refilled for every delta under the same contract, so a token costs no event object.
    private readonly ResponseStreamEvent _textDelta = new() { Type = TextDeltaType, ContentIndex = 0, Logprobs = NoLogprobs };
    private readonly ResponseObject _response = template.Snapshot();
    private readonly Dictionary<string, (ResponseOutputItem Item, int Index, StringBuilder Arguments)> _calls = new(StringComparer.Ordinal);
    private (ResponseOutputItem Item, int Index, StringBuilder Text)? _message;
    private long _sequence;

    public ResponseObject Response => _response;

    public bool IsFinished { get; private set; }

    /// <summary>The events of a finished stored response, as a stream would have sent them with each text in one delta.</summary>
    public static IEnumerable<ResponseStreamEvent> Replay(ResponseObject stored)
    {
        var template = stored.Snapshot();
        template.Output = [];
        template.Status = ResponseStatuses.InProgress;
        template.Usage = null;
        template.Error = null;
        template.IncompleteDetails = null;
        template.CompletedAt = null;
        var projector = new ResponseProjector(template, string.Empty);
        foreach (var e in projector.Start())
        {
            yield return e;
        }

        foreach (var item in stored.Output)
        {
            foreach (var e in item.Type == "function_call" ? projector.ReplayCall(item) : projector.ReplayMessage(item))
            {
                yield return e;
            }
        }

        yield return projector.Terminal(stored.Snapshot());
    }

    public IEnumerable<ResponseStreamEvent> Start()
    {
        yield return Event("response.created", e => e.Response = _response.Snapshot());
        yield return Event("response.in_progress", e => e.Response = _response.Snapshot());
    }

    /// <summary>
    /// The events <paramref name="agentEvent"/> projects to, in a list reused by the next call (read it first; the
    /// text-delta event in it is reused too).
    /// </summary>
    public List<ResponseStreamEvent> Apply(AgentEvent agentEvent)
    {
        var events = _events;
        events.Clear();
        if (IsFinished)
        {
            return events;
        }

        switch (agentEvent)
        {
            case TextMessageContentEvent { Delta.Length: > 0 } content:
                if (_message is null || _message.Value.Item.Id != content.MessageId)
                {
                    CloseMessage(events, ResponseStatuses.Completed);
                    OpenMessage(events, content.MessageId);
                }

                AppendText(events, content.Delta);
                break;
            case TextMessageEndEvent:
                CloseMessage(events, ResponseStatuses.Completed);
                break;
            case ToolCallStartEvent { ClientSide: true } start:
                CloseMessage(events, ResponseStatuses.Completed);
                OpenCall(events, $"fc_{runId.Replace("run_", string.Empty, StringComparison.Ordinal)}_{_calls.Count}", start.ToolCallId, start.ToolCallName);
                break;
            case ToolCallArgsEvent args when _calls.TryGetValue(args.ToolCallId, out var call) && call.Item.Status == ResponseStatuses.InProgress:
                AppendArguments(events, call, args.Delta);
                break;
            case ToolCallEndEvent end when _calls.TryGetValue(end.ToolCallId, out var call) && call.Item.Status == ResponseStatuses.InProgress:
                CloseCall(events, call, ResponseStatuses.Completed);
                break;
            case RunFinishedEvent finished:
                if (ChatCompletionErrors.ApprovalNotice(finished) is { } notice)
                {
                    // Server tools wait for the owner's approval, which this API cannot carry: say so in the output.
                    CloseMessage(events, ResponseStatuses.Completed);
                    OpenMessage(events, RunIds.NewMessageId());
                    AppendText(events, notice);
                    CloseMessage(events, ResponseStatuses.Completed);
                }

                var (status, reason) = finished.Outcome == RunOutcome.Interrupt ? (ResponseStatuses.Incomplete, null)
                    : finished.FinishReason == ChatFinishReason.Length ? (ResponseStatuses.Incomplete, "max_output_tokens")
                    : finished.FinishReason == ChatFinishReason.ContentFilter ? (ResponseStatuses.Incomplete, "content_filter")
                    : (ResponseStatuses.Completed, (string?)null);
                Finish(events, status, finished.Timestamp, finished.Usage, reason is null ? null : new ResponseIncompleteDetails(reason), error: null);
                break;
            case RunErrorEvent error:
                // The spec's ResponseErrorCode is a closed list: provider failures and internal faults are server errors to the client.
                Finish(events, error.Code == RunErrorCodes.Cancelled ? ResponseStatuses.Cancelled : ResponseStatuses.Failed, error.Timestamp, usage: null, incomplete: null, new ResponseErrorBody("server_error", error.Message));
                break;
        }

        return events;
    }

    /// <summary>Ends a stream whose run ended without a final event (it should not happen; the response must still end).</summary>
    public IEnumerable<ResponseStreamEvent> Abandon(DateTimeOffset now, string message)
    {
        var events = new List<ResponseStreamEvent>();
        if (!IsFinished)
        {
            Finish(events, ResponseStatuses.Failed, now, usage: null, incomplete: null, new ResponseErrorBody("server_error", message));
        }

        return events;
    }

    private void Finish(List<ResponseStreamEvent> events, string status, DateTimeOffset at, UsageDetails? usage, ResponseIncompleteDetails? incomplete, ResponseErrorBody? error)
    {
        var itemStatus = status == ResponseStatuses.Completed ? ResponseStatuses.Completed : ResponseStatuses.Incomplete;
        CloseMessage(events, itemStatus);
        foreach (var call in _calls.Values.Where(static c => c.Item.Status == ResponseStatuses.InProgress).ToList())
        {
            CloseCall(events, call, itemStatus);
        }

        _response.Status = status;
        _response.CompletedAt = status == ResponseStatuses.Completed ? at.ToUnixTimeSeconds() : null;
        _response.IncompleteDetails = incomplete;
        _response.Error = error;
        var input = usage?.InputTokenCount ?? 0;
        var output = usage?.OutputTokenCount ?? 0;
        _response.Usage = new ResponseUsage(input, new ResponseInputTokensDetails(usage?.CachedInputTokenCount ?? 0), output, new ResponseOutputTokensDetails(usage?.ReasoningTokenCount ?? 0), usage?.TotalTokenCount ?? input + output);
        events.Add(Terminal(_response.Snapshot()));
    }

    private ResponseStreamEvent Terminal(ResponseObject response)
    {
        IsFinished = true;
        var type = response.Status switch
        {
            ResponseStatuses.Completed => "response.completed",
            ResponseStatuses.Incomplete => "response.incomplete",
            _ => "response.failed",
        };
        return Event(type, e => e.Response = response);
    }

    private List<ResponseStreamEvent> ReplayMessage(ResponseOutputItem item)
    {
        var events = new List<ResponseStreamEvent>();
        OpenMessage(events, item.Id);
        var text = string.Concat(item.Content?.Select(static c => c.Text) ?? []);
        if (text.Length > 0)
        {
            AppendText(events, text);
        }

        CloseMessage(events, item.Status);
        return events;
    }

    private List<ResponseStreamEvent> ReplayCall(ResponseOutputItem item)
    {
        var events = new List<ResponseStreamEvent>();
        OpenCall(events, item.Id, item.CallId ?? string.Empty, item.Name ?? string.Empty);
        var call = _calls[item.CallId ?? string.Empty];
        if (item.Arguments is { Length: > 0 } arguments)
        {
            call.Arguments.Append(arguments);
            events.Add(Event("response.function_call_arguments.delta", e => (e.ItemId, e.OutputIndex, e.Delta) = (item.Id, call.Index, arguments)));
        }

        CloseCall(events, call, item.Status);
        return events;
    }

    /// <summary>Kept out of <see cref="Apply"/> so its lambda's closure is allocated only for argument deltas, not for every event.</summary>
    private void AppendArguments(List<ResponseStreamEvent> events, (ResponseOutputItem Item, int Index, StringBuilder Arguments) call, string delta)
    {
        call.Arguments.Append(delta);
        events.Add(Event("response.function_call_arguments.delta", e => (e.ItemId, e.OutputIndex, e.Delta) = (call.Item.Id, call.Index, delta)));
    }

    private void OpenMessage(List<ResponseStreamEvent> events, string messageId)
    {
        var item = new ResponseOutputItem { Type = "message", Id = messageId, Role = "assistant", Content = [] };
        var index = _response.Output.Count;
        _response.Output.Add(item);
        _message = (item, index, new StringBuilder());
        events.Add(Event("response.output_item.added", e => (e.OutputIndex, e.Item) = (index, item.Copy())));
        item.Content.Add(new ResponseOutputContent());
        events.Add(Event("response.content_part.added", e => (e.ItemId, e.OutputIndex, e.ContentIndex, e.Part) = (messageId, index, 0, new ResponseOutputContent())));
    }

    private void AppendText(List<ResponseStreamEvent> events, string delta)
    {
        var (item, index, text) = _message!.Value;
        text.Append(delta);
        _textDelta.SequenceNumber = _sequence++;
        _textDelta.ItemId = item.Id;
        _textDelta.OutputIndex = index;
        _textDelta.Delta = delta;
        events.Add(_textDelta);
    }

    private void CloseMessage(List<ResponseStreamEvent> events, string status)
    {
        if (_message is not { } message)
        {
            return;
        }

        _message = null;
        var (item, index, text) = message;
        var part = item.Content![0];
        part.Text = text.ToString();
        item.Status = status;
        events.Add(Event("response.output_text.done", e => (e.ItemId, e.OutputIndex, e.ContentIndex, e.Text, e.Logprobs) = (item.Id, index, 0, part.Text, NoLogprobs)));
        events.Add(Event("response.content_part.done", e => (e.ItemId, e.OutputIndex, e.ContentIndex, e.Part) = (item.Id, index, 0, part.Copy())));
        events.Add(Event("response.output_item.done", e => (e.OutputIndex, e.Item) = (index, item.Copy())));
    }

    private void OpenCall(List<ResponseStreamEvent> events, string itemId, string callId, string name)
    {
        var item = new ResponseOutputItem { Type = "function_call", Id = itemId, CallId = callId, Name = name, Arguments = string.Empty };
        var index = _response.Output.Count;
        _response.Output.Add(item);
        _calls[callId] = (item, index, new StringBuilder());
        events.Add(Event("response.output_item.added", e => (e.OutputIndex, e.Item) = (index, item.Copy())));
    }

    private void CloseCall(List<ResponseStreamEvent> events, (ResponseOutputItem Item, int Index, StringBuilder Arguments) call, string status)
    {
        var (item, index, arguments) = call;
        item.Arguments = arguments.ToString();
        item.Status = status;
        events.Add(Event("response.function_call_arguments.done", e => (e.ItemId, e.OutputIndex, e.Name, e.Arguments) = (item.Id, index, item.Name, item.Arguments)));
        events.Add(Event("response.output_item.done", e => (e.OutputIndex, e.Item) = (index, item.Copy())));
    }

    private ResponseStreamEvent Event(string type, Action<ResponseStreamEvent> fill)
    {
        var e = new ResponseStreamEvent { Type = type, SequenceNumber = _sequence++ };
        fill(e);
        return e;
    }
}
