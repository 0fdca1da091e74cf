using System.Security.Cryptography;
using System.Text;
using GAgent.Sessions;

namespace GAgent.Channels;

/// <summary>Maps a channel conversation to its session id, deterministically and always as a valid <see cref="SessionIds"/> id.</summary>
public static class ChannelSessionIds
{
    /// <summary>
    /// The session id of <paramref name="conversationId"/> on <paramref name="channelName"/>: the channel name, a dash and a
    /// hash of both, so any conversation id (slashes, spaces, very long) yields a safe file name, and the same
    /// conversation always lands in the same session.
    /// </summary>
    public static string For(string channelName, string conversationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelName);
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(channelName + "\n" + conversationId), hash);
        var prefix = new StringBuilder("ch-");
        foreach (var c in channelName)
        {
            prefix.Append(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_' ? char.ToLowerInvariant(c) : '_');
            if (prefix.Length >= 35)
            {
                break;
            }
        }

        return prefix.Append('-').Append(Convert.ToHexStringLower(hash[..16])).ToString();
    }
}
