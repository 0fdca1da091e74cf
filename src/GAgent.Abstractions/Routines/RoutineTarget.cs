using System.Text.Json.Serialization;

namespace GAgent.Routines;

/// <summary>
/// Where a routine's prompt goes: an existing session (<see cref="SessionId"/>), or a channel conversation
/// (<see cref="ChannelName"/> and <see cref="ChatId"/>), whose session is the conversation's own and whose final answer
/// is delivered through the channel.
/// </summary>
public sealed record RoutineTarget
{
    /// <summary>The session to run in, for a session target.</summary>
    public string? SessionId { get; init; }

    /// <summary>The channel to deliver through, for a channel target.</summary>
    public string? ChannelName { get; init; }

    /// <summary>The channel conversation (chat) to deliver to, for a channel target.</summary>
    public string? ChatId { get; init; }

    /// <summary>True for a channel target.</summary>
    [JsonIgnore]
    public bool IsChannel => ChannelName is not null;

    /// <summary>A session target.</summary>
    public static RoutineTarget Session(string sessionId) => new() { SessionId = sessionId };

    /// <summary>A channel target.</summary>
    public static RoutineTarget Channel(string channelName, string chatId) => new() { ChannelName = channelName, ChatId = chatId };
}
