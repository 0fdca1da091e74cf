using System.Collections.Concurrent;
using GAgent.Channels;

namespace GAgent.AspNetCore.Tests.Routines;

/// <summary>A channel that starts at once and records what it is asked to send.</summary>
internal sealed class RecordingChannel(string name) : IChannel
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<OutboundMessage> _final = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name { get; } = name;

    public ChannelCapabilities Capabilities { get; } = new() { MaxTextLength = 1000, Markup = ChannelMarkup.PlainText };

    public Task Started => _started.Task;

    public Task<OutboundMessage> FinalSent => _final.Task;

    public ConcurrentQueue<OutboundMessage> Sent { get; } = new();

    public Task StartAsync(IChannelContext context, CancellationToken cancellationToken)
    {
        _started.TrySetResult();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        Sent.Enqueue(message);
        if (message.IsFinal)
        {
            _final.TrySetResult(message);
        }

        return Task.FromResult(DeliveryResult.Success());
    }
}
