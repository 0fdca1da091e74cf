using System.Text.Json;
using GAgent.Events;
using Microsoft.Extensions.AI;

namespace GAgent.AspNetCore.Streaming;

/// <summary>
/// Writes run events in AG-UI's JSON shapes (camelCase, <c>type</c> discriminator, <c>threadId</c> for the session,
/// <c>timestamp</c> in Unix milliseconds) plus GAgent's <c>sequence</c>. Hand-written for the hot path: no reflection,
/// no intermediate objects.
/// </summary>
internal static class AgentEventJson
{
    /// <summary>
    /// Writes a state change outside any run as a <c>CUSTOM</c> event: no <c>runId</c> or <c>sequence</c> (it is not
    /// part of a run's journal); <c>threadId</c>/<c>sessionId</c> only when it belongs to a session.
    /// </summary>
    public static void WriteNotification(Utf8JsonWriter writer, GAgentNotification notification)
    {
        writer.WriteStartObject();
        writer.WriteString("type"u8, AgentEventTypes.Custom);
        if (notification.SessionId is { } sessionId)
        {
            writer.WriteString("threadId"u8, sessionId);
            writer.WriteString("sessionId"u8, sessionId);
        }

        writer.WriteNumber("timestamp"u8, notification.Timestamp.ToUnixTimeMilliseconds());
        writer.WriteString("name"u8, notification.Name);
        writer.WritePropertyName("value"u8);
        if (notification.Value.ValueKind == JsonValueKind.Undefined)
        {
            writer.WriteNullValue();
        }
        else
        {
            notification.Value.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    /// <param name="writer">The destination.</param>
    /// <param name="agentEvent">The event.</param>
    /// <param name="includeSessionId">Also write <c>sessionId</c> (the WebSocket, where several sessions share one socket).</param>
    public static void Write(Utf8JsonWriter writer, AgentEvent agentEvent, bool includeSessionId = false)
    {
        writer.WriteStartObject();
        writer.WriteString("type"u8, agentEvent.Type);
        writer.WriteString("threadId"u8, agentEvent.SessionId);
        if (includeSessionId)
        {
            writer.WriteString("sessionId"u8, agentEvent.SessionId);
        }

        writer.WriteString("runId"u8, agentEvent.RunId);
        writer.WriteNumber("sequence"u8, agentEvent.Sequence);
        writer.WriteNumber("timestamp"u8, agentEvent.Timestamp.ToUnixTimeMilliseconds());
        switch (agentEvent)
        {
            case RunStartedEvent e:
                WriteOptional(writer, "model"u8, e.ModelId);
                WriteOptional(writer, "profileId"u8, e.ProfileId);
                break;
            case RunFinishedEvent e:
                writer.WriteString("outcome"u8, e.Outcome == RunOutcome.Interrupt ? "interrupt" : "success");
                WriteOptional(writer, "finishReason"u8, e.FinishReason?.Value);
                if (e.Interrupts.Count > 0)
                {
                    writer.WriteStartArray("interrupts"u8);
                    foreach (var interrupt in e.Interrupts)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("id"u8, interrupt.Id);
                        writer.WriteString("reason"u8, interrupt.Reason);
                        WriteOptional(writer, "message"u8, interrupt.Message);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                }

                if (e.Usage is { } usage)
                {
                    WriteUsage(writer, usage);
                }

                break;
            case RunErrorEvent e:
                writer.WriteString("message"u8, e.Message);
                writer.WriteString("code"u8, e.Code);
                break;
            case TextMessageStartEvent e:
                writer.WriteString("messageId"u8, e.MessageId);
                writer.WriteString("role"u8, e.Role);
                break;
            case TextMessageContentEvent e:
                writer.WriteString("messageId"u8, e.MessageId);
                writer.WriteString("delta"u8, e.Delta);
                break;
            case TextMessageEndEvent e:
                writer.WriteString("messageId"u8, e.MessageId);
                break;
            case ToolCallStartEvent e:
                writer.WriteString("toolCallId"u8, e.ToolCallId);
                writer.WriteString("toolCallName"u8, e.ToolCallName);
                WriteOptional(writer, "parentMessageId"u8, e.ParentMessageId);
                if (e.ClientSide)
                {
                    writer.WriteBoolean("clientSide"u8, true);
                }

                break;
            case ToolCallArgsEvent e:
                writer.WriteString("toolCallId"u8, e.ToolCallId);
                writer.WriteString("delta"u8, e.Delta);
                break;
            case ToolCallEndEvent e:
                writer.WriteString("toolCallId"u8, e.ToolCallId);
                break;
            case ToolCallResultEvent e:
                writer.WriteString("messageId"u8, e.MessageId);
                writer.WriteString("toolCallId"u8, e.ToolCallId);
                writer.WriteString("content"u8, e.Content);
                writer.WriteString("role"u8, "tool");
                if (e.IsError)
                {
                    writer.WriteBoolean("isError"u8, true);
                }

                break;
            case ReasoningMessageStartEvent e:
                writer.WriteString("messageId"u8, e.MessageId);
                writer.WriteString("role"u8, "assistant");
                break;
            case ReasoningMessageContentEvent e:
                writer.WriteString("messageId"u8, e.MessageId);
                writer.WriteString("delta"u8, e.Delta);
                break;
            case ReasoningStartEvent e:
                writer.WriteString("messageId"u8, e.MessageId);
                break;
            case ReasoningMessageEndEvent e:
                writer.WriteString("messageId"u8, e.MessageId);
                break;
            case ReasoningEndEvent e:
                writer.WriteString("messageId"u8, e.MessageId);
                break;
            case CustomEvent e:
                writer.WriteString("name"u8, e.Name);
                writer.WritePropertyName("value"u8);
                if (e.Value.ValueKind == JsonValueKind.Undefined)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    e.Value.WriteTo(writer);
                }

                break;
        }

        writer.WriteEndObject();
    }

    private static void WriteUsage(Utf8JsonWriter writer, UsageDetails usage)
    {
        writer.WriteStartObject("usage"u8);
        writer.WriteNumber("inputTokens"u8, usage.InputTokenCount ?? 0);
        writer.WriteNumber("outputTokens"u8, usage.OutputTokenCount ?? 0);
        writer.WriteNumber("totalTokens"u8, usage.TotalTokenCount ?? ((usage.InputTokenCount ?? 0) + (usage.OutputTokenCount ?? 0)));
        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
