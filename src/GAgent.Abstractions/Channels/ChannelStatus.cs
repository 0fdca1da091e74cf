namespace GAgent.Channels;

/// <summary>A snapshot of a supervised channel's health.</summary>
public sealed record ChannelStatus
{
    /// <summary>The lifecycle state.</summary>
    public ChannelState State { get; init; }

    /// <summary>False when the channel is disabled by configuration and never started.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The last start failure or reported fault (message only), if any.</summary>
    public string? LastError { get; init; }

    /// <summary>How many times the manager restarted the channel after a failure.</summary>
    public int Restarts { get; init; }

    /// <summary>When the channel last started successfully.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When a message last went in or out through the channel.</summary>
    public DateTimeOffset? LastActivity { get; init; }
}
