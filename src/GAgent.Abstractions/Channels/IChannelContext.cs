namespace GAgent.Channels;

/// <summary>The runtime side of a channel, handed to <see cref="IChannel.StartAsync"/>: the inbound path and fault reporting.</summary>
public interface IChannelContext
{
    /// <summary>The name of the channel this context belongs to.</summary>
    string ChannelName { get; }

    /// <summary>
    /// Hands an inbound message to the agent: applies the channel's allow-from policy, creates the conversation's session
    /// on its first message and starts a run whose final reply is sent back through <see cref="IChannel.SendAsync"/>.
    /// Returns once the run is started, with its session and run ids, or with the reason it was refused.
    /// </summary>
    /// <exception cref="ArgumentException">The message is malformed or names another channel.</exception>
    Task<DispatchResult> DispatchAsync(InboundMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Tells the manager the channel broke after it started (a dropped connection it cannot recover itself). The manager
    /// marks it faulted, stops it and starts it again after a backoff.
    /// </summary>
    void ReportFault(Exception exception);
}
