using Microsoft.Extensions.AI;

namespace GAgent.Agent;

/// <summary>
/// Makes a conversation acceptable to providers: every tool call must be answered by a later result and every result
/// must follow its call. Calls left unanswered (a client that never sent results, a window cut between a call and its
/// result) and orphaned results are dropped, and messages left empty by that are removed.
/// </summary>
internal static class HistorySanitizer
{
    public static List<ChatMessage> Sanitize(IReadOnlyList<ChatMessage> messages)
    {
        var answered = new HashSet<string>(StringComparer.Ordinal);
        var called = new HashSet<string>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            foreach (var content in message.Contents)
            {
                if (content is FunctionResultContent result)
                {
                    answered.Add(result.CallId);
                }
            }
        }

        var sanitized = new List<ChatMessage>(messages.Count);
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
