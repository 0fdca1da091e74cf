using System.Text;
using GAgent.AspNetCore.Http;
using GAgent.AspNetCore.OpenAI.Wire;
using GAgent.Events;
using GAgent.Runs;

namespace GAgent.AspNetCore.OpenAI;

/// <summary>Folds a run's events into one non-streamed <c>chat.completion</c>: the same text and client tool calls a stream would carry.</summary>
internal static class ChatCompletionAggregator
{
    public static async Task<(ChatCompletionResponse? Response, ErrorInfo? Error)> CollectAsync(IAgentRun run, string completionId, long created, string model, CancellationToken cancellationToken)
    {
        var text = new TextAccumulator();
        var hadText = false;
        List<ChatToolCall>? calls = null;
        Dictionary<string, StringBuilder>? arguments = null;
        await foreach (var batch in Streaming.RunEventSource.ReadBatchesAsync(run, 0, RunEventDelivery.MergedDeltas, cancellationToken).ConfigureAwait(false))
        {
            foreach (var agentEvent in batch.Span)
            {
                switch (agentEvent)
                {
                    case TextMessageStartEvent when hadText:
                        text.Append("\n\n");
                        break;
                    case TextMessageContentEvent content:
                        hadText = true;
                        text.Append(content.Delta);
                        break;
                    case ToolCallStartEvent { ClientSide: true } start:
                        var builder = new StringBuilder();
                        (arguments ??= new Dictionary<string, StringBuilder>(StringComparer.Ordinal))[start.ToolCallId] = builder;
                        (calls ??= []).Add(new ChatToolCall { Id = start.ToolCallId, Type = "function", Function = new ChatFunctionCall { Name = start.ToolCallName } });
                        break;
                    case ToolCallArgsEvent args when arguments is not null && arguments.TryGetValue(args.ToolCallId, out var argsBuilder):
                        argsBuilder.Append(args.Delta);
                        break;
                    case RunErrorEvent error:
                        return (null, ChatCompletionErrors.FromRunError(error));
                    case RunFinishedEvent finished:
                        if (ChatCompletionErrors.ApprovalNotice(finished) is { } notice)
                        {
                            if (hadText)
                            {
                                text.Append("\n\n");
                            }

                            text.Append(notice);
                            hadText = true;
                        }

                        foreach (var call in calls ?? [])
                        {
                            call.Function!.Arguments = arguments![call.Id!].ToString();
                        }

                        var usage = finished.Usage;
                        var input = usage?.InputTokenCount ?? 0;
                        var output = usage?.OutputTokenCount ?? 0;
                        var message = new ChatCompletionResponseMessage(hadText || calls is null ? text.ToString() : null, calls);
                        return (new ChatCompletionResponse(completionId, created, model, [new ChatCompletionChoice(0, message, ChatCompletionErrors.FinishReason(finished))], new ChatCompletionUsage(input, output, usage?.TotalTokenCount ?? input + output)), null);
                }
            }
        }

        return (null, new ErrorInfo(500, "The run ended without a result.", "internal_error"));
    }
}
