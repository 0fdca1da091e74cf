using System.Text.Json;
using GAgent.Events;
using Microsoft.Extensions.AI;

namespace GAgent.Agent;

/// <summary>
/// Builds a run's events and appends them to its journal, which gives them their sequence numbers and times.
/// Single writer: only the run's loop calls it. The builders are static lambdas over a state tuple, so an event costs
/// no closure. Text and reasoning fragments are held until <see cref="FlushDeltas"/> (at most
/// <see cref="MaxHeldDeltas"/>), which the model call does whenever the model has nothing more ready, so a burst of
/// fragments costs the journal's lock and the readers' wake-up once; every other event first appends what is held,
/// so the order never changes.
/// </summary>
internal sealed class RunEventWriter(AgentRun run)
{
    /// <summary>Most fragments held before they are appended even though the model has more ready.</summary>
    internal const int MaxHeldDeltas = 16;

    // The fragments held are all of one message (a fragment of another first appends them), so per fragment only its
    // text is kept: one reference stored per token. The array is the writer's own, made when a run first holds a
    // fragment (a whole reply holds none), so storing into it is a young object's write, not the card-marking store
    // into an old pooled array that a shared pool's array would cost.
    private string[]? _heldTexts;
    private int _heldCount;
    private RunDeltaKind _heldKind;
    private string? _heldMessageId;
    private MessageText? _heldMessage;

    /// <summary>The journal, for every event but a held fragment: what is held is appended first, so order is kept.</summary>
    private RunJournal Journal
    {
        get
        {
            FlushDeltas();
            return run.Journal;
        }
    }

    /// <summary>Appends the fragments held so far; the model call calls it before it waits for the model.</summary>
    public void FlushDeltas()
    {
        if (_heldCount == 0)
        {
            return;
        }

        var count = _heldCount;
        _heldCount = 0;
        run.Journal.AppendDeltas(_heldKind, _heldMessageId!, _heldMessage!, _heldTexts.AsSpan(0, count));
    }

    public void RunStarted() => Journal.Append(run, static (r, sequence, at) => new RunStartedEvent { RunId = r.Id, SessionId = r.SessionId, Sequence = sequence, Timestamp = at, ModelId = r.ModelId, ProfileId = r.ProfileId });

    public void TextStart(string messageId) => Journal.Append((run, messageId), static (s, sequence, at) => new TextMessageStartEvent { RunId = s.run.Id, SessionId = s.run.SessionId, Sequence = sequence, Timestamp = at, MessageId = s.messageId });

    /// <summary>Holds <paramref name="delta"/> for the journal, which adds it to <paramref name="message"/> (the turn's text so far).</summary>
    public void TextContent(string messageId, string delta, MessageText message) => Hold(RunDeltaKind.Text, messageId, delta, message);

    public void TextEnd(string messageId) => Journal.Append((run, messageId), static (s, sequence, at) => new TextMessageEndEvent { RunId = s.run.Id, SessionId = s.run.SessionId, Sequence = sequence, Timestamp = at, MessageId = s.messageId });

    public void ReasoningStart(string messageId)
    {
        Journal.Append((run, messageId), static (s, sequence, at) => new ReasoningStartEvent { RunId = s.run.Id, SessionId = s.run.SessionId, Sequence = sequence, Timestamp = at, MessageId = s.messageId });
        Journal.Append((run, messageId), static (s, sequence, at) => new ReasoningMessageStartEvent { RunId = s.run.Id, SessionId = s.run.SessionId, Sequence = sequence, Timestamp = at, MessageId = s.messageId });
    }

    /// <summary>Holds <paramref name="delta"/> for the journal, which adds it to <paramref name="message"/> (the turn's reasoning so far).</summary>
    public void ReasoningContent(string messageId, string delta, MessageText message) => Hold(RunDeltaKind.Reasoning, messageId, delta, message);

    public void ReasoningEnd(string messageId)
    {
        Journal.Append((run, messageId), static (s, sequence, at) => new ReasoningMessageEndEvent { RunId = s.run.Id, SessionId = s.run.SessionId, Sequence = sequence, Timestamp = at, MessageId = s.messageId });
        Journal.Append((run, messageId), static (s, sequence, at) => new ReasoningEndEvent { RunId = s.run.Id, SessionId = s.run.SessionId, Sequence = sequence, Timestamp = at, MessageId = s.messageId });
    }

    /// <summary>Emits start, arguments and end of one complete tool call.</summary>
    public void ToolCall(string parentMessageId, FunctionCallContent call, string argumentsJson, bool clientSide)
    {
        Journal.Append((run, parentMessageId, call, clientSide), static (s, sequence, at) => new ToolCallStartEvent { RunId = s.run.Id, SessionId = s.run.SessionId, Sequence = sequence, Timestamp = at, ToolCallId = s.call.CallId, ToolCallName = s.call.Name, ParentMessageId = s.parentMessageId, ClientSide = s.clientSide });
        Journal.Append((run, call.CallId, argumentsJson), static (s, sequence, at) => new ToolCallArgsEvent { RunId = s.run.Id, SessionId = s.run.SessionId, Sequence = sequence, Timestamp = at, ToolCallId = s.CallId, Delta = s.argumentsJson });
        Journal.Append((run, call.CallId), static (s, sequence, at) => new ToolCallEndEvent { RunId = s.run.Id, SessionId = s.run.SessionId, Sequence = sequence, Timestamp = at, ToolCallId = s.CallId });
    }

    public void ToolResult(string messageId, string callId, string content, bool isError) => Journal.Append(
        (run, messageId, callId, content, isError),
        static (s, sequence, at) => new ToolCallResultEvent { RunId = s.run.Id, SessionId = s.run.SessionId, Sequence = sequence, Timestamp = at, MessageId = s.messageId, ToolCallId = s.callId, Content = s.content, IsError = s.isError });

    public void Custom(string name, JsonElement value) => Journal.Append((run, name, value), static (s, sequence, at) => new CustomEvent { RunId = s.run.Id, SessionId = s.run.SessionId, Sequence = sequence, Timestamp = at, Name = s.name, Value = s.value });

    /// <summary>Ends the run: with its answer, or paused on <paramref name="interrupts"/> (approvals) when there are any.</summary>
    public void RunFinished(ChatFinishReason? finishReason, UsageDetails usage, IReadOnlyList<RunInterrupt>? interrupts = null) => Journal.Append((run, finishReason, usage, interrupts), static (s, sequence, at) => new RunFinishedEvent
    {
        RunId = s.run.Id,
        SessionId = s.run.SessionId,
        Sequence = sequence,
        Timestamp = at,
        Outcome = s.interrupts is { Count: > 0 } ? RunOutcome.Interrupt : RunOutcome.Success,
        FinishReason = s.finishReason,
        Interrupts = s.interrupts ?? [],
        Usage = s.usage,
    });

    public void RunError(string code, string message) => Journal.Append((run, code, message), static (s, sequence, at) => new RunErrorEvent { RunId = s.run.Id, SessionId = s.run.SessionId, Sequence = sequence, Timestamp = at, Code = s.code, Message = s.message });

    private void Hold(RunDeltaKind kind, string messageId, string delta, MessageText message)
    {
        if (_heldCount > 0 && (kind != _heldKind || !ReferenceEquals(message, _heldMessage) || messageId != _heldMessageId))
        {
            FlushDeltas();
        }

        if (_heldCount == 0)
        {
            _heldTexts ??= new string[MaxHeldDeltas];
            _heldKind = kind;
            _heldMessageId = messageId;
            _heldMessage = message;
        }

        _heldTexts![_heldCount++] = delta;
        if (_heldCount == MaxHeldDeltas)
        {
            FlushDeltas();
        }
    }
}
