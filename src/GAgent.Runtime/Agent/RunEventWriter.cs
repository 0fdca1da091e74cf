using System.Text.Json;
using GAgent.Events;
using Microsoft.Extensions.AI;

namespace GAgent.Agent;

/// <summary>
/// Builds a run's events with consecutive sequence numbers and appends them to its journal.
/// Single writer: only the run's loop calls it.
/// </summary>
internal sealed class RunEventWriter(AgentRun run, TimeProvider time)
{
    private long _sequence;

    public void RunStarted() => Append(new RunStartedEvent { RunId = run.Id, SessionId = run.SessionId, Sequence = Next(), Timestamp = Now(), ModelId = run.ModelId, ProfileId = run.ProfileId });

    public void TextStart(string messageId) => Append(new TextMessageStartEvent { RunId = run.Id, SessionId = run.SessionId, Sequence = Next(), Timestamp = Now(), MessageId = messageId });

    public void TextContent(string messageId, string delta) => Append(new TextMessageContentEvent { RunId = run.Id, SessionId = run.SessionId, Sequence = Next(), Timestamp = Now(), MessageId = messageId, Delta = delta });

    public void TextEnd(string messageId) => Append(new TextMessageEndEvent { RunId = run.Id, SessionId = run.SessionId, Sequence = Next(), Timestamp = Now(), MessageId = messageId });

    public void ReasoningStart(string messageId)
    {
        Append(new ReasoningStartEvent { RunId = run.Id, SessionId = run.SessionId, Sequence = Next(), Timestamp = Now(), MessageId = messageId });
        Append(new ReasoningMessageStartEvent { RunId = run.Id, SessionId = run.SessionId, Sequence = Next(), Timestamp = Now(), MessageId = messageId });
    }

    public void ReasoningContent(string messageId, string delta) => Append(new ReasoningMessageContentEvent { RunId = run.Id, SessionId = run.SessionId, Sequence = Next(), Timestamp = Now(), MessageId = messageId, Delta = delta });

    public void ReasoningEnd(string messageId)
    {
        Append(new ReasoningMessageEndEvent { RunId = run.Id, SessionId = run.SessionId, Sequence = Next(), Timestamp = Now(), MessageId = messageId });
        Append(new ReasoningEndEvent { RunId = run.Id, SessionId = run.SessionId, Sequence = Next(), Timestamp = Now(), MessageId = messageId });
    }

    /// <summary>Emits start, arguments and end of one complete tool call.</summary>
    public void ToolCall(string parentMessageId, FunctionCallContent call, string argumentsJson, bool clientSide)
    {
        Append(new ToolCallStartEvent { RunId = run.Id, SessionId = run.SessionId, Sequence = Next(), Timestamp = Now(), ToolCallId = call.CallId, ToolCallName = call.Name, ParentMessageId = parentMessageId, ClientSide = clientSide });
        Append(new ToolCallArgsEvent { RunId = run.Id, SessionId = run.SessionId, Sequence = Next(), Timestamp = Now(), ToolCallId = call.CallId, Delta = argumentsJson });
        Append(new ToolCallEndEvent { RunId = run.Id, SessionId = run.SessionId, Sequence = Next(), Timestamp = Now(), ToolCallId = call.CallId });
    }

    public void ToolResult(string messageId, string callId, string content, bool isError) => Append(new ToolCallResultEvent { RunId = run.Id, SessionId = run.SessionId, Sequence = Next(), Timestamp = Now(), MessageId = messageId, ToolCallId = callId, Content = content, IsError = isError });

    public void Custom(string name, JsonElement value) => Append(new CustomEvent { RunId = run.Id, SessionId = run.SessionId, Sequence = Next(), Timestamp = Now(), Name = name, Value = value });

    /// <summary>Ends the run: with its answer, or paused on <paramref name="interrupts"/> (approvals) when there are any.</summary>
    public void RunFinished(ChatFinishReason? finishReason, UsageDetails usage, IReadOnlyList<RunInterrupt>? interrupts = null) => Append(new RunFinishedEvent
    {
        RunId = run.Id,
        SessionId = run.SessionId,
        Sequence = Next(),
        Timestamp = Now(),
        Outcome = interrupts is { Count: > 0 } ? RunOutcome.Interrupt : RunOutcome.Success,
        FinishReason = finishReason,
        Interrupts = interrupts ?? [],
        Usage = usage,
    });

    public void RunError(string code, string message) => Append(new RunErrorEvent { RunId = run.Id, SessionId = run.SessionId, Sequence = Next(), Timestamp = Now(), Code = code, Message = message });

    private long Next() => ++_sequence;

    private DateTimeOffset Now() => time.GetUtcNow();

    private void Append(AgentEvent agentEvent) => run.Journal.Append(agentEvent);
}
