using GAgent.Channels;

namespace GAgent.AspNetCore.WebSockets;

/// <summary>
/// The WebSocket surface as a channel of the channel SDK: supervised and listed by the channel manager like any other
/// (<c>GET /api/channels</c>, <c>GAgent:Channels:websocket</c> options), its inbound messages go through the shared
/// dispatch path (allow-from, media, run start), and outbound messages reach the sockets following the conversation's
/// session. Sockets stream the run's events themselves, so replies are not sent back through <see cref="SendAsync"/>.
/// </summary>
internal sealed class WebSocketChannel(WebSocketConnections connections) : IChannel
{
    public const string ChannelName = "websocket";

    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile IChannelContext? _context;

    public string Name => ChannelName;

    public ChannelCapabilities Capabilities { get; } = new()
    {
        SupportsStreamingEdits = true,
        SupportsMediaReceive = true,
        SupportsMediaSend = true,
        Markup = ChannelMarkup.Markdown,
    };

    /// <summary>The dispatch path while the channel runs; null before its first start and after it stopped.</summary>
    public IChannelContext? Context => _context;

    /// <summary>Completes when the channel manager first started the channel.</summary>
    public Task Started => _started.Task;

    public Task StartAsync(IChannelContext context, CancellationToken cancellationToken)
    {
        _context = context;
        _started.TrySetResult();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _context = null;
        foreach (var connection in connections.Open)
        {
            connection.CloseForChannelStop();
        }

        return Task.CompletedTask;
    }

    public Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var delivered = 0;
        foreach (var connection in connections.Open)
        {
            if (connection.TrySendChannelMessage(message))
            {
                delivered++;
            }
        }

        return Task.FromResult(delivered > 0
            ? DeliveryResult.Success()
            : DeliveryResult.Failure(DeliveryErrorCode.Transient, $"No open socket follows session '{message.ConversationId}'."));
    }
}
