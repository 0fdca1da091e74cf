namespace GAgent.Channels;

/// <summary>Where a channel is in its supervised lifecycle.</summary>
public enum ChannelState
{
    /// <summary>Not running (not started yet, disabled, or shut down).</summary>
    Stopped,

    /// <summary>Its first start is under way.</summary>
    Starting,

    /// <summary>Started and serving.</summary>
    Running,

    /// <summary>Its start failed or it reported a fault; a restart follows after a backoff.</summary>
    Faulted,

    /// <summary>A restart after a fault is under way.</summary>
    Restarting,
}
