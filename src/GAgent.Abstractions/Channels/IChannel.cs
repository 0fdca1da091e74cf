namespace GAgent.Channels;

/// <summary>
/// A messaging surface the agent talks through (a chat platform, a webhook, a socket). The channel manager starts it,
/// supervises it (restarting it with backoff when it fails) and stops it; the channel hands inbound messages to
/// <see cref="IChannelContext.DispatchAsync"/> and receives the agent's replies through <see cref="SendAsync"/>.
/// </summary>
public interface IChannel
{
    /// <summary>
    /// The unique channel name: 1 to 32 ASCII letters, digits, '-' or '_'. Options bind from <c>GAgent:Channels:{Name}</c>.
    /// </summary>
    string Name { get; }

    /// <summary>What the channel can render and carry; replies are shaped to fit.</summary>
    ChannelCapabilities Capabilities { get; }

    /// <summary>
    /// Connects the channel (log in, open sockets, start polling). Keep <paramref name="context"/> to dispatch inbound
    /// messages and to report faults. Throwing makes the manager retry with exponential backoff.
    /// </summary>
    Task StartAsync(IChannelContext context, CancellationToken cancellationToken);

    /// <summary>Disconnects the channel. Called on shutdown and before a restart after a reported fault.</summary>
    Task StopAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Delivers one outbound message. Return a failed <see cref="DeliveryResult"/> rather than throwing for expected
    /// delivery problems (rate limits, a rejected recipient); the channel owns its own retries.
    /// </summary>
    Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken);
}
