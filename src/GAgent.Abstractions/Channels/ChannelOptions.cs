namespace GAgent.Channels;

/// <summary>Per-channel options, bound from <c>GAgent:Channels:{name}</c>.</summary>
public sealed class ChannelOptions
{
    /// <summary>False keeps the channel registered but never started.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Sender ids (<see cref="InboundMessage.SenderId"/>, compared exactly) allowed to talk to the agent. Empty allows
    /// everyone. Refused senders start no run and nothing of their message is stored.
    /// </summary>
    public IList<string> AllowFrom { get; } = [];

    /// <summary>
    /// For channels with <see cref="ChannelCapabilities.SupportsStreamingEdits"/>: the shortest time between two edits
    /// of a reply that is still being written (platforms rate-limit edits). Zero edits on every new piece of text.
    /// </summary>
    public TimeSpan EditInterval { get; set; } = TimeSpan.FromSeconds(1);
}
