using Microsoft.Extensions.Logging;

namespace GAgent.Channels;

/// <summary>
/// One reply being delivered through a channel: the progress message a channel with streaming edits keeps editing,
/// then the final text, split to the channel's limit (the first part replaces the progress message, the others follow
/// as new messages).
/// </summary>
internal sealed class ChannelReply(IChannel channel, InboundMessage inbound, string runId, Action touch, ILogger logger)
{
    private readonly int? _limit = channel.Capabilities.MaxTextLength is int max ? Math.Max(max, MessageSplitter.MinLength) : null;
    private string? _progressMessageId;
    private string? _shown;
    private bool _progressBroken;

    /// <summary>Shows the reply so far: sends the progress message the first time, edits it afterwards.</summary>
    public async Task ShowProgressAsync(string text, CancellationToken cancellationToken)
    {
        if (_progressBroken || string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        // The progress message must fit in one message; the final split happens at the end.
        var preview = _limit is int limit && text.Length > limit ? string.Concat(text.AsSpan(0, limit - 1), "…") : text;
        if (string.Equals(preview, _shown, StringComparison.Ordinal))
        {
            return;
        }

        var result = await SendAsync(preview, isFinal: false, editOf: _progressMessageId, partIndex: 1, partCount: 1, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded || (result.ChannelMessageId is null && _progressMessageId is null))
        {
            // Without a message to edit, later edits would pile up as new messages: wait for the final text instead.
            _progressBroken = true;
            ChannelLog.DeliveryFailed(logger, channel.Name, runId, 1, result.ErrorCode?.ToString() ?? "NoMessageId", result.ErrorMessage ?? "the channel returned no message id to edit");
            return;
        }

        _progressMessageId ??= result.ChannelMessageId;
        _shown = preview;
    }

    /// <summary>Delivers the final text: the first part replaces the progress message when there is one.</summary>
    public async Task FinishAsync(string text, CancellationToken cancellationToken)
    {
        var parts = _limit is int limit ? MessageSplitter.Split(text, limit) : [text];
        for (var i = 0; i < parts.Count; i++)
        {
            var editOf = i == 0 && !_progressBroken ? _progressMessageId : null;
            var result = await SendAsync(parts[i], isFinal: i == parts.Count - 1, editOf, i + 1, parts.Count, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                // Later parts make no sense without the failed one; the channel already retried what it could.
                ChannelLog.DeliveryFailed(logger, channel.Name, runId, i + 1, result.ErrorCode?.ToString() ?? "Unknown", result.ErrorMessage);
                return;
            }
        }
    }

    private async Task<DeliveryResult> SendAsync(string text, bool isFinal, string? editOf, int partIndex, int partCount, CancellationToken cancellationToken)
    {
        var result = await channel.SendAsync(
            new OutboundMessage
            {
                ChannelName = channel.Name,
                ConversationId = inbound.ConversationId,
                Text = text,
                ReplyTo = inbound.ClientMessageId,
                RunId = runId,
                IsFinal = isFinal,
                EditOf = editOf,
                PartIndex = partIndex,
                PartCount = partCount,
            },
            cancellationToken).ConfigureAwait(false);
        touch();
        return result;
    }
}
