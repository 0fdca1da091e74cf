using Microsoft.Extensions.AI;

namespace GAgent.Agent;

/// <summary>
/// Makes a conversation acceptable to providers: every tool call must be answered by a later result and every result
/// must follow its call. Calls left unanswered (a client that never sent results, a window cut between a call and its
/// result) and orphaned results are dropped, and messages left empty by that are removed.
/// </summary>
internal static class HistorySanitizer
{
    /// <summary>The acceptable conversation: <paramref name="messages"/> itself when it is a list that needs no change.</summary>
    public static List<ChatMessage> Sanitize(IReadOnlyList<ChatMessage> messages)
    {
        var answered = new HashSet<string>(StringComparer.Ordinal);
        var hasCalls = false;
        for (var m = 0; m < messages.Count; m++)
        {
            // Indexed: Contents is an IList, whose enumerator would be boxed for every message of every run.
            var contents = messages[m].Contents;
            for (var c = 0; c < contents.Count; c++)
            {
                switch (contents[c])
                {
                    case FunctionResultContent result:
                        answered.Add(result.CallId);
                        break;
                    case FunctionCallContent:
                        hasCalls = true;
                        break;
                }
            }
        }

        if (!hasCalls && answered.Count == 0)
        {
            // Most conversations: nothing to pair up, and the list the caller built is the answer.
            return messages as List<ChatMessage> ?? [.. messages];
        }

        var sanitized = new List<ChatMessage>(messages.Count);
        var called = new HashSet<string>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            var keep = message.Contents.Where(content => content switch
            {
                FunctionCallContent call => answered.Contains(call.CallId) && called.Add(call.CallId),
                FunctionResultContent result => called.Contains(result.CallId),
                _ => true,
            }).ToList();

            if (keep.Count == message.Contents.Count)
            {
                sanitized.Add(message);
            }
            else if (keep.Count > 0)
            {
                var copy = message.Clone();
                copy.Contents = keep;
                sanitized.Add(copy);
            }
        }

        return sanitized;
    }
}
