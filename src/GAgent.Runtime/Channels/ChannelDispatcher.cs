using System.Text;
using GAgent.Configuration;
using GAgent.Events;
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
internal sealed class ChannelDispatcher(IAgentRunner runner, ISessionStore sessions, IOptionsMonitor<GAgentOptions> options, ILogger<ChannelManager> logger)
{
    private const int MaxTitleLength = 120;

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
        var sessionId = ChannelSessionIds.For(channel.Name, message.ConversationId);
        await EnsureSessionAsync(channel.Name, sessionId, message, cancellationToken).ConfigureAwait(false);

        IAgentRun run;
        try
        {
            run = await runner.StartAsync(new AgentRunRequest { SessionId = sessionId, Messages = [new ChatMessage(ChatRole.User, message.Text)] }, cancellationToken).ConfigureAwait(false);
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
        startDelivery(run);
        return DispatchResult.Started(sessionId, run.Id);
    }

    /// <summary>Waits for the run's end and sends its final assistant text, split to the channel's limit. Never throws.</summary>
    public async Task DeliverAsync(IChannel channel, InboundMessage inbound, IAgentRun run, Action touch, CancellationToken cancellationToken)
    {
        try
        {
            var text = await ReadReplyAsync(run, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrWhiteSpace(text))
            {
                return;
            }

            var limit = channel.Capabilities.MaxTextLength;
            var parts = limit is int max ? MessageSplitter.Split(text, Math.Max(max, MessageSplitter.MinLength)) : [text];
            for (var i = 0; i < parts.Count; i++)
            {
                var result = await channel.SendAsync(
                    new OutboundMessage
                    {
                        ChannelName = channel.Name,
                        ConversationId = inbound.ConversationId,
                        Text = parts[i],
                        ReplyTo = inbound.ClientMessageId,
                        RunId = run.Id,
                        IsFinal = i == parts.Count - 1,
                        PartIndex = i + 1,
                        PartCount = parts.Count,
                    },
                    cancellationToken).ConfigureAwait(false);
                touch();
                if (!result.Succeeded)
                {
                    // Later parts make no sense without the failed one; the channel already retried what it could.
                    ChannelLog.DeliveryFailed(logger, channel.Name, run.Id, i + 1, result.ErrorCode?.ToString() ?? "Unknown", result.ErrorMessage);
                    return;
                }
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

    private static async Task<string?> ReadReplyAsync(IAgentRun run, CancellationToken cancellationToken)
    {
        // The reply is the last assistant message: text written before tool calls is the agent thinking aloud.
        var messages = new Dictionary<string, StringBuilder>(StringComparer.Ordinal);
        string? last = null;
        string? error = null;
        await foreach (var agentEvent in run.ReadEventsAsync(0, cancellationToken).ConfigureAwait(false))
        {
            switch (agentEvent)
            {
                case TextMessageStartEvent start:
                    messages[start.MessageId] = new StringBuilder();
                    last = start.MessageId;
                    break;
                case TextMessageContentEvent content:
                    if (!messages.TryGetValue(content.MessageId, out var builder))
                    {
                        messages[content.MessageId] = builder = new StringBuilder();
                    }

                    builder.Append(content.Delta);
                    last = content.MessageId;
                    break;
                case RunErrorEvent runError:
                    error = runError.Message;
                    break;
            }
        }

        var text = last is null ? null : messages[last].ToString();
        return string.IsNullOrWhiteSpace(text) && error is not null ? $"Sorry, the agent could not answer: {error}" : text;
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
