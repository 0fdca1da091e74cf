using System.Text;
using GAgent.Configuration;
using GAgent.Events;
using GAgent.Media;
using GAgent.Runs;
using GAgent.Sessions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GAgent.Channels;

/// <summary>
/// The inbound path shared by every channel: allow-from, the conversation's session, the run, and delivery of the final
/// reply (split to the channel's limit) back through the channel.
/// </summary>
internal sealed class ChannelDispatcher(IAgentRunner runner, ISessionStore sessions, IMediaStore media, ChannelContinuations continuations, IOptionsMonitor<GAgentOptions> options, TimeProvider time, ILogger<ChannelManager> logger)
{
    private const int MaxTitleLength = 120;
    private const int MaxMediaRefs = 16;

    public async Task<DispatchResult> DispatchAsync(IChannel channel, InboundMessage message, Action<IAgentRun> startDelivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!string.Equals(message.ChannelName, channel.Name, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The message names channel '{message.ChannelName}' but was dispatched through channel '{channel.Name}'.", nameof(message));
        }

        ArgumentException.ThrowIfNullOrEmpty(message.SenderId, nameof(message));
        ArgumentException.ThrowIfNullOrEmpty(message.ConversationId, nameof(message));
        ArgumentException.ThrowIfNullOrWhiteSpace(message.Text, nameof(message));

        // Checked before anything touches the store: a refused sender leaves no trace but a log line.
        if (options.CurrentValue.Channels.TryGetValue(channel.Name, out var channelOptions)
            && channelOptions.AllowFrom.Count > 0
            && !channelOptions.AllowFrom.Contains(message.SenderId, StringComparer.Ordinal))
        {
            ChannelLog.SenderRefused(logger, channel.Name, message.SenderId);
            return DispatchResult.Refused(DispatchRefusal.SenderNotAllowed, "You are not allowed to talk to this agent.");
        }

        ChannelLog.Inbound(logger, channel.Name, message.SenderId, message.Text);
        var contents = await ContentsAsync(message, cancellationToken).ConfigureAwait(false);
        string sessionId;
        if (message.SessionId is { } chosen)
        {
            SessionIds.Validate(chosen, nameof(message));
            if (await sessions.GetAsync(chosen, cancellationToken).ConfigureAwait(false) is null)
            {
                return DispatchResult.Refused(DispatchRefusal.SessionNotFound, $"Session '{chosen}' was not found; create it with POST /api/sessions.", chosen);
            }

            sessionId = chosen;
        }
        else
        {
            sessionId = ChannelSessionIds.For(channel.Name, message.ConversationId);
            await EnsureSessionAsync(channel.Name, sessionId, message, cancellationToken).ConfigureAwait(false);
        }

        IAgentRun run;
        try
        {
            var user = new ChatMessage(ChatRole.User, contents);
            run = await runner.StartAsync(new AgentRunRequest { SessionId = sessionId, Messages = [user], ModelId = message.ModelId }, cancellationToken).ConfigureAwait(false);
        }
        catch (SessionBusyException)
        {
            ChannelLog.Refused(logger, channel.Name, nameof(DispatchRefusal.SessionBusy));
            return DispatchResult.Refused(DispatchRefusal.SessionBusy, "The agent is still answering your previous message.", sessionId);
        }
        catch (RunLimitExceededException)
        {
            ChannelLog.Refused(logger, channel.Name, nameof(DispatchRefusal.TooManyRuns));
            return DispatchResult.Refused(DispatchRefusal.TooManyRuns, "The agent is busy; try again shortly.", sessionId);
        }

        ChannelLog.Dispatched(logger, channel.Name, run.Id, sessionId);
        if (message.DeliverReply)
        {
            startDelivery(run);
        }

        return DispatchResult.Started(sessionId, run.Id);
    }

    /// <summary>
    /// Sends the run's reply, split to the channel's limit. A channel that can edit its messages sees the reply grow
    /// (one message edited at most every <see cref="ChannelOptions.EditInterval"/>); others get the final text once
    /// the run ends. A run that pauses for the owner's approval says so, and when <paramref name="deliverContinuation"/>
    /// is given, the run that continues after the decision is delivered to the same conversation with it. Never throws.
    /// </summary>
    public async Task DeliverAsync(IChannel channel, InboundMessage inbound, IAgentRun run, Action touch, CancellationToken cancellationToken, Action<IAgentRun>? deliverContinuation = null)
    {
        try
        {
            var reply = new ChannelReply(channel, inbound, run.Id, touch, logger);
            var (text, pending) = await FollowAsync(run, channel.Capabilities.SupportsStreamingEdits ? reply : null, EditInterval(channel.Name), cancellationToken).ConfigureAwait(false);
            if (pending > 0)
            {
                var notice = pending == 1
                    ? "(Waiting for the owner to approve a tool call; the answer follows here once it is decided.)"
                    : $"(Waiting for the owner to approve {pending} tool calls; the answer follows here once they are decided.)";
                text = string.IsNullOrWhiteSpace(text) ? notice : text + "\n\n" + notice;
                if (deliverContinuation is not null)
                {
                    continuations.Expect(run.Id, deliverContinuation);
                }
            }

            if (!string.IsNullOrWhiteSpace(text))
            {
                await reply.FinishAsync(text, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception ex)
        {
            ChannelLog.DeliveryCrashed(logger, channel.Name, run.Id, ex);
        }
    }

    private TimeSpan EditInterval(string channelName)
        => options.CurrentValue.Channels.TryGetValue(channelName, out var channelOptions) ? channelOptions.EditInterval : new ChannelOptions().EditInterval;

    /// <summary>
    /// Follows the run to its end: the reply is its last assistant message (text written before tool calls is the agent
    /// thinking aloud), shown as it grows when <paramref name="progress"/> is given. Also returns how many tool calls
    /// wait for approval when the run paused.
    /// </summary>
    private async Task<(string? Text, int Pending)> FollowAsync(IAgentRun run, ChannelReply? progress, TimeSpan interval, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        string? messageId = null;
        string? error = null;
        var pending = 0;
        var lastEdit = long.MinValue;
        await foreach (var agentEvent in run.ReadEventsAsync(0, cancellationToken).ConfigureAwait(false))
        {
            switch (agentEvent)
            {
                case TextMessageContentEvent content:
                    if (!string.Equals(content.MessageId, messageId, StringComparison.Ordinal))
                    {
                        messageId = content.MessageId;
                        text.Clear();
                    }

                    text.Append(content.Delta);
                    if (progress is not null && (lastEdit == long.MinValue || time.GetElapsedTime(lastEdit) >= interval))
                    {
                        lastEdit = time.GetTimestamp();
                        await progress.ShowProgressAsync(text.ToString(), cancellationToken).ConfigureAwait(false);
                    }

                    break;
                case RunFinishedEvent { Outcome: RunOutcome.Interrupt } finished:
                    pending = finished.Interrupts.Count;
                    break;
                case RunErrorEvent runError:
                    error = runError.Message;
                    break;
            }
        }

        if (text.Length == 0)
        {
            return (error is null ? null : $"Sorry, the agent could not answer: {error}", pending);
        }

        return (text.ToString(), pending);
    }

    /// <summary>The user's text and, for each media id the channel saved to the media store, a reference the loop resolves.</summary>
    private async Task<List<AIContent>> ContentsAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var found = await MediaAttachmentCheck.ResolveAsync(message.MediaRefs, media, MaxMediaRefs, cancellationToken).ConfigureAwait(false);
        return found switch
        {
            { References: { } references } => [new TextContent(message.Text), .. references],
            { Problem: MediaAttachmentProblem.TooMany } => throw new ArgumentException($"The message carries {message.MediaRefs.Count} media references; at most {MaxMediaRefs} are accepted.", nameof(message)),
            { Problem: MediaAttachmentProblem.Malformed } => throw new ArgumentException($"Media reference '{found.Id}' is not a media id: save the file with IMediaStore.SaveAsync and pass the id it returns.", nameof(message)),
            _ => throw new ArgumentException($"Media '{found.Id}' is not in the media store: save the file with IMediaStore.SaveAsync first.", nameof(message)),
        };
    }

    private async Task EnsureSessionAsync(string channelName, string sessionId, InboundMessage message, CancellationToken cancellationToken)
    {
        if (await sessions.GetAsync(sessionId, cancellationToken).ConfigureAwait(false) is not null)
        {
            return;
        }

        var title = $"{channelName}: {(string.IsNullOrWhiteSpace(message.SenderDisplayName) ? message.SenderId : message.SenderDisplayName)}";
        try
        {
            await sessions.CreateAsync(new NewSession { Id = sessionId, Title = title.Length > MaxTitleLength ? title[..MaxTitleLength] : title }, cancellationToken).ConfigureAwait(false);
        }
        catch (SessionAlreadyExistsException)
        {
            // Two first messages of one conversation raced; the other created it.
        }
    }
}
