using System.Collections.Concurrent;
using GAgent.Channels;

namespace GAgent.Runtime.Tests.Channels;

/// <summary>A channel that records what it is asked to do; its first starts can be made to fail.</summary>
internal sealed class FakeChannel(string name = "fake") : IChannel
{
    private readonly TaskCompletionSource _final = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _running = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _starts;
    private int _stops;

    public string Name { get; } = name;

    public ChannelCapabilities Capabilities { get; init; } = new() { MaxTextLength = 4000, Markup = ChannelMarkup.Markdown };

    /// <summary>How many calls to StartAsync throw before one succeeds.</summary>
    public int FailingStarts { get; init; }

    /// <summary>The result of each send; success when null.</summary>
    public Func<OutboundMessage, DeliveryResult>? Respond { get; init; }

    public IChannelContext? Context { get; private set; }

    public int Starts => Volatile.Read(ref _starts);

    public int Stops => Volatile.Read(ref _stops);

    public ConcurrentQueue<OutboundMessage> Sent { get; } = new();

    /// <summary>Completes when a message with IsFinal was sent.</summary>
    public Task FinalSent => _final.Task;

    /// <summary>Completes on the first successful start.</summary>
    public Task Running => _running.Task;

    public Task StartAsync(IChannelContext context, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _starts) <= FailingStarts)
        {
            throw new InvalidOperationException($"start {Starts} failed");
        }

        Context = context;
        _running.TrySetResult();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _stops);
        return Task.CompletedTask;
    }

    public Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        Sent.Enqueue(message);
        if (message.IsFinal)
        {
            _final.TrySetResult();
        }

        return Task.FromResult(Respond?.Invoke(message) ?? DeliveryResult.Success());
    }
}
