using System.Text.Json;
using GAgent.Diagnostics;
using GAgent.Events;
using GAgent.Providers;
using Microsoft.Extensions.AI;

namespace GAgent.Agent;

/// <summary>
/// One call to the model within a run: streamed token by token, or asked for the whole reply at once when the caller
/// wants only the result (<see cref="Runs.AgentRunRequest.WholeModelReplies"/>). Either way the model's contents become
/// the same events in the same order, and the turn collects the text, reasoning, calls and usage.
/// </summary>
internal static class ModelCall
{
    public static async Task RunAsync(IChatClient client, List<ChatMessage> context, ChatOptions chatOptions, ModelTurn turn, RunEventWriter writer, IReadOnlySet<string> clientToolNames, bool wholeReply, CancellationToken token)
    {
        if (wholeReply)
        {
            var response = await client.GetResponseAsync(context, chatOptions, token).ConfigureAwait(false);
            turn.ModelId = response.ModelId;
            turn.FinishReason = response.FinishReason;
            foreach (var message in response.Messages)
            {
                Apply(message.Contents, chatOptions, turn, writer, clientToolNames);
            }

            if (response.Usage is { } usage)
            {
                turn.AddUsage(usage);
            }
        }
        else
        {
            await StreamAsync(client, context, chatOptions, turn, writer, clientToolNames, token).ConfigureAwait(false);
        }

        EndReasoning(turn, writer);
        EndText(turn, writer);
        if (turn.Usage is { } used)
        {
            RecordUsage(writer, turn, used);
        }
    }

    /// <summary>
    /// Streams the reply. The text fragments the model has ready at once reach the journal together: the writer holds
    /// them until the model's next update is not there yet, so a reader waiting for the model gets each fragment as soon
    /// as it exists, and a burst costs one append. What is held is journaled however the stream ends, so a stopped or
    /// failed run keeps every fragment the model sent.
    /// </summary>
    private static async Task StreamAsync(IChatClient client, List<ChatMessage> context, ChatOptions chatOptions, ModelTurn turn, RunEventWriter writer, IReadOnlySet<string> clientToolNames, CancellationToken token)
    {
        var updates = client.GetStreamingResponseAsync(context, chatOptions, token).GetAsyncEnumerator(token);
        try
        {
            while (true)
            {
                var next = updates.MoveNextAsync();
                if (!next.IsCompleted)
                {
                    writer.FlushDeltas();
                }

                if (!await next.ConfigureAwait(false))
                {
                    break;
                }

                var update = updates.Current;
                turn.ModelId ??= update.ModelId;
                if (update.FinishReason is { } reason)
                {
                    turn.FinishReason = reason;
                }

                Apply(update.Contents, chatOptions, turn, writer, clientToolNames);
            }
        }
        finally
        {
            writer.FlushDeltas();
            await updates.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The arguments of a call as the JSON object its events and approvals show.</summary>
    public static string SerializeArguments(FunctionCallContent call)
        => call.Arguments is null ? "{}" : JsonSerializer.Serialize(call.Arguments, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IDictionary<string, object?>)));

    private static void Apply(IList<AIContent> contents, ChatOptions chatOptions, ModelTurn turn, RunEventWriter writer, IReadOnlySet<string> clientToolNames)
    {
        // Indexed, not foreach: Contents is an IList, and its boxed enumerator would cost an allocation per token.
        for (var i = 0; i < contents.Count; i++)
        {
            switch (contents[i])
            {
                case TextReasoningContent { Text.Length: > 0 } reasoning:
                    if (turn.ReasoningMessageId is null)
                    {
                        turn.ReasoningMessageId = RunIds.NewMessageId();
                        writer.ReasoningStart(turn.ReasoningMessageId);
                    }

                    writer.ReasoningContent(turn.ReasoningMessageId, reasoning.Text, turn.Reasoning);
                    break;
                case TextContent { Text.Length: > 0 } text:
                    EndReasoning(turn, writer);
                    if (!turn.TextOpen)
                    {
                        turn.TextOpen = true;
                        writer.TextStart(turn.MessageId);
                    }

                    writer.TextContent(turn.MessageId, text.Text, turn.Text);
                    break;
                case FunctionCallContent when chatOptions.ToolMode is NoneChatToolMode:
                    // Told not to call tools (the last call after MaxIterations): such a call could never be answered.
                    break;
                case FunctionCallContent call:
                    EndReasoning(turn, writer);
                    EndText(turn, writer);
                    turn.Calls.Add(call);
                    writer.ToolCall(turn.MessageId, call, SerializeArguments(call), clientToolNames.Contains(call.Name));
                    break;
                case UsageContent usage:
                    turn.AddUsage(usage.Details);
                    break;
                case ErrorContent failure:
                    throw new ChatProviderException("model", "The model returned an error: " + failure.Message, providerErrorCode: failure.ErrorCode);
            }
        }
    }

    private static void EndText(ModelTurn turn, RunEventWriter writer)
    {
        if (turn.TextOpen)
        {
            turn.TextOpen = false;
            writer.TextEnd(turn.MessageId);
        }
    }

    private static void EndReasoning(ModelTurn turn, RunEventWriter writer)
    {
        if (turn.ReasoningMessageId is { } id)
        {
            writer.ReasoningEnd(id);
            turn.ReasoningMessageId = null;
        }
    }

    private static void RecordUsage(RunEventWriter writer, ModelTurn turn, UsageDetails usage)
    {
        writer.Custom(GAgentEventNames.Usage, JsonSerializer.SerializeToElement(
            new RunUsagePayload(usage.InputTokenCount ?? 0, usage.OutputTokenCount ?? 0, usage.TotalTokenCount ?? (usage.InputTokenCount ?? 0) + (usage.OutputTokenCount ?? 0)),
            RuntimeJsonContext.Default.RunUsagePayload));
        var model = new KeyValuePair<string, object?>("gen_ai.request.model", turn.ModelId);
        GAgentTelemetry.Tokens.Add(usage.InputTokenCount ?? 0, new KeyValuePair<string, object?>("gagent.token.direction", "input"), model);
        GAgentTelemetry.Tokens.Add(usage.OutputTokenCount ?? 0, new KeyValuePair<string, object?>("gagent.token.direction", "output"), model);
    }
}
