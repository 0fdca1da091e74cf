using Microsoft.Extensions.AI;

namespace GAgent.Sessions;

/// <summary>One persisted message of a session: user input, assistant output (text and tool calls) or tool results.</summary>
public sealed record StoredMessage
{
    /// <summary>Message id (<c>msg_...</c>), the same id the run's events carry.</summary>
    public required string Id { get; init; }

    /// <summary>When the message was produced.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>user, assistant, system or tool.</summary>
    public required ChatRole Role { get; init; }

    /// <summary>The contents: text, images and attachment refs, function calls and function results, reasoning.</summary>
    public required IReadOnlyList<AIContent> Contents { get; init; }

    /// <summary>The run that produced the message, if any.</summary>
    public string? RunId { get; init; }

    /// <summary>The model that produced an assistant message.</summary>
    public string? ModelId { get; init; }

    /// <summary>Tokens the model call that produced this assistant message used.</summary>
    public UsageDetails? Usage { get; init; }

    /// <summary>Optional author (a channel user's display name, for example).</summary>
    public string? AuthorName { get; init; }

    /// <summary>The concatenated text contents.</summary>
    public string Text => string.Concat(Contents.OfType<TextContent>().Select(static t => t.Text));

    /// <summary>Converts to the Microsoft.Extensions.AI message the model sees.</summary>
    public ChatMessage ToChatMessage()
    {
        // By index: a run turns up to the whole history window into chat messages, and enumerating each message's
        // contents through the interface would allocate an enumerator per message.
        var contents = new List<AIContent>(Contents.Count);
        for (var i = 0; i < Contents.Count; i++)
        {
            contents.Add(Contents[i]);
        }

        return new ChatMessage(Role, contents) { MessageId = Id, AuthorName = AuthorName };
    }
}
