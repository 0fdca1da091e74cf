using System.Diagnostics;
using System.Text.Json;
using GAgent.Approvals;
using GAgent.Diagnostics;
using GAgent.Events;
using GAgent.Media;
using GAgent.Models;
using GAgent.Configuration;
using GAgent.Providers;
using GAgent.Runs;
using GAgent.Sessions;
using GAgent.Tools;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GAgent.Agent;

/// <summary>
/// Executes one run: build context, stream from the model, run server tools, loop, persist every message, and
/// journal every step as events. Client-declared tools end the run with their calls; they never run here.
/// </summary>
internal sealed class AgentLoop(
    ISessionStore sessions,
    IModelCatalog models,
    ToolInvoker tools,
    RunRegistry registry,
    IOptionsMonitor<GAgentOptions> options,
    TimeProvider time,
    MediaReferenceResolver media,
    RunProfileContext profileContext,
    ApprovalGate approvals,
    ILogger<AgentLoop> logger)
{
    private const int TitleLength = 60;

    public async Task ExecuteAsync(AgentRun run)
    {
        var writer = new RunEventWriter(run);
        var started = Stopwatch.GetTimestamp();
        var status = AgentRunStatus.Failed;
        string? error = null;
        ModelTurn? turn = null;
        UsageDetails? finalUsage = null;
        using var activity = GAgentTelemetry.ActivitySource.StartActivity("gagent.run");
        activity?.SetTag("gagent.run.id", run.Id);
        activity?.SetTag("gagent.session.id", run.SessionId);
        activity?.SetTag("gen_ai.request.model", run.ModelId);
        try
        {
            if (run.Predecessor is { } predecessor)
            {
                await predecessor.WaitAsync(run.StopToken).ConfigureAwait(false);
            }

            run.MarkRunning();
            GAgentTelemetry.RunsStarted.Add(1);
            RuntimeLog.RunStarted(logger, run.Id, run.SessionId, run.ModelId);
            writer.RunStarted();
            var interrupts = new List<RunInterrupt>();
            var finishReason = await RunTurnsAsync(run, writer, t => turn = t, interrupts).ConfigureAwait(false);
            await FlushAsync(run).ConfigureAwait(false);
            run.SetFinishReason(finishReason);
            finalUsage = run.Usage;
            writer.RunFinished(finishReason, finalUsage, interrupts);
            status = AgentRunStatus.Completed;
        }
        catch (OperationCanceledException) when (run.StopToken.IsCancellationRequested)
        {
            await PersistPartialAsync(run, turn).ConfigureAwait(false);
            status = AgentRunStatus.Cancelled;
            error = "The run was stopped.";
            writer.RunError(RunErrorCodes.Cancelled, error);
        }
        catch (ChatProviderException ex)
        {
            RuntimeLog.ProviderFailed(logger, run.Id, ex);
            await PersistPartialAsync(run, turn).ConfigureAwait(false);
            error = ex.Message;
            writer.RunError(RunErrorCodes.ProviderError, error);
        }
#pragma warning disable CA1031 // The run must always end with an event, whatever went wrong.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            RuntimeLog.RunFailed(logger, run.Id, ex);
            await PersistPartialAsync(run, turn).ConfigureAwait(false);
            error = "The run failed because of an internal error; the server log has the details (run " + run.Id + ").";
            writer.RunError(RunErrorCodes.InternalError, error);
        }
        finally
        {
            var usage = finalUsage ?? run.Usage;
            var elapsed = Stopwatch.GetElapsedTime(started);
            // Release first: whoever sees the run complete (Completion, the end of its event stream) may send the
            // session's next message at once and must not find the session still busy.
            registry.Release(run);
            run.Finish(status, time.GetUtcNow(), error);
            var statusName = status.ToString();
            GAgentTelemetry.RunsEnded.Add(1, new KeyValuePair<string, object?>("gagent.run.status", statusName));
            GAgentTelemetry.RunDuration.Record(elapsed.TotalSeconds);
            activity?.SetTag("gagent.run.status", statusName);
            RuntimeLog.RunEnded(logger, run.Id, statusName, (long)elapsed.TotalMilliseconds, usage.InputTokenCount ?? 0, usage.OutputTokenCount ?? 0);
        }
    }

    private async Task<ChatFinishReason?> RunTurnsAsync(AgentRun run, RunEventWriter writer, Action<ModelTurn?> trackTurn, List<RunInterrupt> interrupts)
    {
        var agent = options.CurrentValue.Agent;
        var request = run.Request;
        var token = run.StopToken;
        var client = models.GetChatClient(run.ModelId);
        // The run's profile decides the persona, the memory and skills in the prompt, and the tools (run.Tools), which
        // the calls a continuation settles must come from too.
        var instructions = await profileContext.PrepareAsync(run, token).ConfigureAwait(false);
        await SettleApprovalsAsync(run, writer, agent.ToolTimeout, token).ConfigureAwait(false);
        var context = await BuildContextAsync(run, instructions, token).ConfigureAwait(false);
        var clientToolNames = run.ClientToolNames;
        var chatOptions = request.ChatOptions?.Clone() ?? new ChatOptions();
        chatOptions.Tools = [.. run.OfferedTools, .. request.ClientTools];
        if (chatOptions.Tools.Count == 0)
        {
            chatOptions.Tools = null;
            chatOptions.ToolMode = null;
        }

        for (var iteration = 1; ; iteration++)
        {
            if (iteration > agent.MaxIterations)
            {
                // The model keeps calling tools: ask once more for an answer without them rather than fail the turn.
                RuntimeLog.MaxIterationsReached(logger, run.Id, agent.MaxIterations);
                chatOptions.ToolMode = ChatToolMode.None;
            }

            var turn = new ModelTurn(RunIds.NewMessageId());
            trackTurn(turn);
            await ModelCall.RunAsync(client, context, chatOptions, turn, writer, clientToolNames, request.WholeModelReplies, token).ConfigureAwait(false);
            if (turn.IsEmpty)
            {
                // Nothing to keep: an assistant message without content or calls is rejected by models as history.
                if (turn.Usage is { } used)
                {
                    run.AddUsage(used);
                }

                trackTurn(null);
                return FinalReason(turn);
            }

            var assistant = new ChatMessage(ChatRole.Assistant, turn.ToContents()) { MessageId = turn.MessageId };
            context.Add(assistant);
            if (turn.Usage is { } turnUsage)
            {
                run.AddUsage(turnUsage);
            }

            await PersistAsync(run, assistant, turn.Usage, turn.ModelId, token).ConfigureAwait(false);
            turn.IsStored = true;

            if (turn.Calls.Count == 0)
            {
                trackTurn(null);
                return FinalReason(turn);
            }

            var serverCalls = turn.Calls.Where(c => !clientToolNames.Contains(c.Name)).ToList();
            var held = await HoldForApprovalAsync(run, serverCalls, token).ConfigureAwait(false);
            var runNow = held.Calls.Count == 0 ? serverCalls : serverCalls.Where(c => !held.Calls.Contains(c)).ToList();
            if (runNow.Count > 0)
            {
                var toolMessage = await InvokeToolsAsync(run, runNow, turn, writer, agent.ToolTimeout, token).ConfigureAwait(false);
                context.Add(toolMessage);
                await PersistAsync(run, toolMessage, null, null, token).ConfigureAwait(false);
            }

            trackTurn(null);

            if (held.Calls.Count > 0)
            {
                // The run ends here, paused: the stored assistant message keeps the waiting calls, and the run that
                // continues once every approval is decided answers them.
                await RequestApprovalsAsync(run, writer, held, interrupts, token).ConfigureAwait(false);
                return ChatFinishReason.ToolCalls;
            }

            if (serverCalls.Count < turn.Calls.Count)
            {
                // Calls of client-declared tools go back to the caller, as OpenAI does; the caller continues with results.
                return ChatFinishReason.ToolCalls;
            }
        }
    }

    /// <summary>Why a turn without calls ended. A model that ignored ToolMode.None may still report tool_calls, but there are none to hand back.</summary>
    private static ChatFinishReason FinalReason(ModelTurn turn)
        => turn.FinishReason is { } reason && reason != ChatFinishReason.ToolCalls ? reason : ChatFinishReason.Stop;

    private async Task<List<ChatMessage>> BuildContextAsync(AgentRun run, string? instructions, CancellationToken token)
    {
        var current = options.CurrentValue;
        var request = run.Request;
        if (logger.IsEnabled(LogLevel.Trace))
        {
            RuntimeLog.RunInput(logger, run.Id, string.Join("\n", request.Messages.Select(static m => m.Text)));
        }

        List<ChatMessage> context;
        if (run.IsPersistent)
        {
            var inputs = request.Messages.Select(m => StoredInput(run, m)).ToList();
            var history = await ReadHistoryAsync(run.SessionId, current.Agent.HistoryMessages, token).ConfigureAwait(false);
            // Sized once: a session run carries up to the whole history window.
            context = NewContext(instructions, history.Count + inputs.Count);
            for (var i = 0; i < history.Count; i++)
            {
                context.Add(history[i].ToChatMessage());
            }

            var info = await sessions.AppendAsync(run.SessionId, inputs, token).ConfigureAwait(false);
            await SetTitleAsync(info, inputs, token).ConfigureAwait(false);
            context.AddRange(inputs.Select(static m => m.ToChatMessage()));
        }
        else
        {
            // Nothing is stored: the caller's messages, copied so that resolving their media cannot change them.
            context = NewContext(instructions, request.Messages.Count);
            context.AddRange(request.Messages.Select(static m => new ChatMessage(m.Role, [.. m.Contents]) { MessageId = m.MessageId, AuthorName = m.AuthorName }));
        }

        // Models reject tool calls without results and results without calls: a window cut between the two, or a
        // client that never answered its tool calls, must not break every later turn of the session.
        await media.ResolveAsync(context, current.Agent.MaxAttachmentTextBytes, token).ConfigureAwait(false);
        return HistorySanitizer.Sanitize(context);
    }

    /// <summary>The context's list with room for <paramref name="messages"/> more, starting with the instructions if there are any.</summary>
    private static List<ChatMessage> NewContext(string? instructions, int messages)
    {
        var hasInstructions = !string.IsNullOrWhiteSpace(instructions);
        var context = new List<ChatMessage>(messages + (hasInstructions ? 1 : 0));
        if (hasInstructions)
        {
            context.Add(new ChatMessage(ChatRole.System, instructions));
        }

        return context;
    }

    /// <summary>The session's newest <paramref name="count"/> messages, oldest first, read in pages (a store serves at most <see cref="MessageQuery.MaxLimit"/> at once).</summary>
    private async Task<IReadOnlyList<StoredMessage>> ReadHistoryAsync(string sessionId, int count, CancellationToken token)
    {
        var pages = new List<IReadOnlyList<StoredMessage>>();
        var read = 0;
        long? before = null;
        while (read < count)
        {
            var page = await sessions.ReadMessagesAsync(sessionId, new MessageQuery { Limit = Math.Min(count - read, MessageQuery.MaxLimit), Before = before }, token).ConfigureAwait(false);
            pages.Add(page.Items);
            read += page.Items.Count;
            if (!page.HasMore || page.Items.Count == 0)
            {
                break;
            }

            before = page.FirstIndex;
        }

        if (pages.Count == 1)
        {
            // One page (the default window fits one): it is the history as it is, without a copy.
            return pages[0];
        }

        pages.Reverse();
        return [.. pages.SelectMany(static p => p)];
    }

    private async Task SetTitleAsync(SessionInfo info, List<StoredMessage> inputs, CancellationToken token)
    {
        if (info.Title is not null)
        {
            return;
        }

        var text = inputs.FirstOrDefault(static m => m.Role == ChatRole.User)?.Text.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var title = text.ReplaceLineEndings(" ");
        title = title.Length <= TitleLength ? title : string.Concat(title.AsSpan(0, TitleLength - 1).TrimEnd(), "…");
        await sessions.UpdateAsync(info.Id, new SessionPatch { Title = title }, token).ConfigureAwait(false);
    }

    private async Task<ChatMessage> InvokeToolsAsync(AgentRun run, List<FunctionCallContent> calls, ModelTurn turn, RunEventWriter writer, TimeSpan timeout, CancellationToken token)
    {
        foreach (var call in calls)
        {
            var outcome = await tools.InvokeAsync(run.Tools.GetValueOrDefault(call.Name), call, timeout, ToolContext(run), token).ConfigureAwait(false);
            GAgentTelemetry.ToolCalls.Add(1, new KeyValuePair<string, object?>("gen_ai.tool.name", call.Name), new KeyValuePair<string, object?>("gagent.tool.outcome", outcome.IsError ? "error" : "ok"));
            writer.ToolResult(turn.ToolMessageId, call.CallId, outcome.Text, outcome.IsError);
            turn.ToolResults.Add(outcome.Result);
        }

        return new ChatMessage(ChatRole.Tool, [.. turn.ToolResults]) { MessageId = turn.ToolMessageId };
    }

    /// <summary>
    /// Before a persistent run builds its context: a continuation answers the calls of the run it resumes (approved
    /// calls run, denied and expired ones get an error result); any other run expires the approvals a new message
    /// supersedes and answers their calls, so the session's history stays valid for the model.
    /// </summary>
    private async Task SettleApprovalsAsync(AgentRun run, RunEventWriter writer, TimeSpan timeout, CancellationToken token)
    {
        if (!run.IsPersistent)
        {
            return;
        }

        var messageId = RunIds.NewMessageId();
        var results = new List<AIContent>();
        if (run.Request.ResumeFromRunId is { } resumed)
        {
            var decided = (await approvals.Store.ListAsync(new ApprovalQuery { RunId = resumed, SessionId = run.SessionId, Limit = ApprovalQuery.MaxLimit }, token).ConfigureAwait(false)).Items;
            var unanswered = await approvals.UnansweredCallIdsAsync(run.SessionId, token).ConfigureAwait(false);
            foreach (var approval in decided.Reverse())
            {
                if (!unanswered.Contains(approval.CallId))
                {
                    continue;
                }

                var current = approval.Status == ApprovalStatus.Pending
                    ? await approvals.ExpireAsync(approval, "The run was resumed before this approval was decided.", token).ConfigureAwait(false) ?? approval
                    : approval;
                var outcome = current.Status == ApprovalStatus.Approved
                    ? await tools.InvokeAsync(run.Tools.GetValueOrDefault(current.ToolName), new FunctionCallContent(current.CallId, current.ToolName, ArgumentsOf(current)), timeout, ToolContext(run), token).ConfigureAwait(false)
                    : ToolOutcome.Failure(current.CallId, UnansweredText(current));
                GAgentTelemetry.ToolCalls.Add(1, new KeyValuePair<string, object?>("gen_ai.tool.name", current.ToolName), new KeyValuePair<string, object?>("gagent.tool.outcome", outcome.IsError ? "error" : "ok"));
                writer.ToolResult(messageId, current.CallId, outcome.Text, outcome.IsError);
                results.Add(outcome.Result);
            }
        }
        else
        {
            foreach (var approval in await approvals.ExpireSupersededAsync(run.SessionId, token).ConfigureAwait(false))
            {
                results.Add(ToolOutcome.Failure(approval.CallId, UnansweredText(approval)).Result);
            }
        }

        if (results.Count > 0)
        {
            await PersistAsync(run, new ChatMessage(ChatRole.Tool, results) { MessageId = messageId }, null, null, token).ConfigureAwait(false);
        }
    }

    /// <summary>The server calls of a turn that must wait for the owner's approval (policy, no standing grant).</summary>
    private async Task<HeldCalls> HoldForApprovalAsync(AgentRun run, List<FunctionCallContent> serverCalls, CancellationToken token)
    {
        var held = new HeldCalls();
        foreach (var call in serverCalls)
        {
            // Unknown tools and unreadable arguments fail at once; there is nothing to approve.
            if (call.Exception is not null || run.Tools.GetValueOrDefault(call.Name) is not { } tool)
            {
                continue;
            }

            held.ProfileId = run.ProfileId;
            if (await approvals.MustWaitAsync(tool, run.SessionId, held.ProfileId, token).ConfigureAwait(false))
            {
                held.Calls.Add(call);
            }
        }

        return held;
    }

    private async Task RequestApprovalsAsync(AgentRun run, RunEventWriter writer, HeldCalls held, List<RunInterrupt> interrupts, CancellationToken token)
    {
        foreach (var call in held.Calls)
        {
            var approval = await approvals.RequestAsync(run.Id, run.SessionId, held.ProfileId, run.ModelId, call, ModelCall.SerializeArguments(call), token).ConfigureAwait(false);
            writer.Custom(GAgentEventNames.ApprovalRequested, ApprovalGate.ToJson(approval));
            interrupts.Add(new RunInterrupt
            {
                Id = approval.Id,
                Reason = RunInterruptReasons.ApprovalRequired,
                Message = $"The tool '{call.Name}' needs the owner's approval before it runs (approval {approval.Id}).",
                ToolCallId = call.CallId,
            });
        }
    }

    /// <summary>The error result of a waiting call that will not run, as the model reads it.</summary>
    private static string UnansweredText(ApprovalRecord approval) => approval.Status switch
    {
        ApprovalStatus.Denied => $"Error: the owner denied the call of the tool '{approval.ToolName}'" + (approval.Reason is { } reason ? ": " + reason : ".") + " The tool did not run.",
        ApprovalStatus.Approved => $"Error: the tool '{approval.ToolName}' was approved, but the conversation moved on before it ran. The tool did not run.",
        _ => $"Error: the approval for the tool '{approval.ToolName}' expired" + (approval.Reason is { } why ? " (" + why.TrimEnd('.') + ")" : string.Empty) + ". The tool did not run.",
    };

    private static ToolRunContext ToolContext(AgentRun run) => new(run.Id, run.IsPersistent ? run.SessionId : null);

    private static Dictionary<string, object?> ArgumentsOf(ApprovalRecord approval)
        => approval.Arguments.ValueKind == JsonValueKind.Object
            ? approval.Arguments.EnumerateObject().ToDictionary(static p => p.Name, static p => (object?)p.Value.Clone(), StringComparer.Ordinal)
            : [];

    /// <summary>The calls of one turn that wait for approval, and the run's profile the decision used.</summary>
    private sealed class HeldCalls
    {
        public List<FunctionCallContent> Calls { get; } = [];

        public string? ProfileId { get; set; }
    }

    private StoredMessage StoredInput(AgentRun run, ChatMessage message) => new()
    {
        Id = message.MessageId ?? RunIds.NewMessageId(),
        Timestamp = time.GetUtcNow(),
        Role = message.Role,
        Contents = [.. message.Contents],
        RunId = run.Id,
        AuthorName = message.AuthorName,
    };

    private StoredMessage Stored(AgentRun run, ChatMessage message, UsageDetails? usage, string? modelId)
    {
        return new StoredMessage
        {
            Id = message.MessageId!,
            Timestamp = time.GetUtcNow(),
            Role = message.Role,
            Contents = [.. message.Contents],
            RunId = run.Id,
            ModelId = message.Role == ChatRole.Assistant ? modelId ?? run.ModelId : null,
            Usage = usage,
        };
    }

    /// <summary>Stores <paramref name="message"/> in the run's session; a run without one stores nothing and builds nothing to store.</summary>
    private async Task PersistAsync(AgentRun run, ChatMessage message, UsageDetails? usage, string? modelId, CancellationToken token)
    {
        if (run.IsPersistent)
        {
            await sessions.AppendAsync(run.SessionId, [Stored(run, message, usage, modelId)], token).ConfigureAwait(false);
        }
    }

    private async Task FlushAsync(AgentRun run)
    {
        if (run.IsPersistent)
        {
            await sessions.FlushAsync(run.SessionId, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Keeps what the model had already said when a run is stopped or fails, so the transcript matches what the user saw.</summary>
    private async Task PersistPartialAsync(AgentRun run, ModelTurn? turn)
    {
        if (!run.IsPersistent)
        {
            return;
        }

        try
        {
            if (turn is { IsStored: false, Text.Length: > 0 })
            {
                var partial = new ChatMessage(ChatRole.Assistant, [new TextContent(turn.Text.ToString())]) { MessageId = turn.MessageId };
                if (turn.Usage is { } partialUsage)
                {
                    run.AddUsage(partialUsage);
                }

                await sessions.AppendAsync(run.SessionId, [Stored(run, partial, turn.Usage, turn.ModelId)], CancellationToken.None).ConfigureAwait(false);
            }
            else if (turn is { IsStored: true, Calls.Count: > 0 })
            {
                // The stored assistant message holds tool calls: answer every one, or the session's next model call
                // would send calls without results, which models reject.
                var answered = turn.ToolResults.Select(static r => r.CallId).ToHashSet(StringComparer.Ordinal);
                List<AIContent> results =
                [
                    .. turn.ToolResults,
                    .. turn.Calls.Where(c => !answered.Contains(c.CallId)).Select(static c => ToolOutcome.Failure(c.CallId, $"Error: the run ended before the tool '{c.Name}' returned a result.").Result),
                ];
                var toolMessage = new ChatMessage(ChatRole.Tool, results) { MessageId = turn.ToolMessageId };
                await sessions.AppendAsync(run.SessionId, [Stored(run, toolMessage, null, null)], CancellationToken.None).ConfigureAwait(false);
            }

            await sessions.FlushAsync(run.SessionId, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Persisting the remains of a failed run is best effort; the run's own error is what matters.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            RuntimeLog.PersistFailed(logger, run.Id, run.SessionId, ex);
        }
    }
}
