using GAgent.AspNetCore.Http;
using GAgent.Runs;
using GAgent.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;

namespace GAgent.AspNetCore.OpenAI;

/// <summary>
/// Optional binding of a chat completions request to a server session with the <c>X-GAgent-Session-Id</c> header.
/// Bound, the server's stored history is the context and the turn is persisted; from the request only the system
/// messages (as extra instructions) and the messages after its last assistant message (the new user or tool messages)
/// are used, so clients that resend the whole conversation (as Open WebUI does) do not duplicate it.
/// </summary>
internal static class ChatSessionBinding
{
    public const string HeaderName = "X-GAgent-Session-Id";

    public static async Task<(AgentRunRequest? Request, ErrorInfo? Error)> BindAsync(HttpContext context, AgentRunRequest request, ISessionStore sessions)
    {
        if (!context.Request.Headers.TryGetValue(HeaderName, out var values) || values.ToString() is not { Length: > 0 } sessionId)
        {
            return (request, null);
        }

        if (!SessionIds.IsValid(sessionId))
        {
            return (null, new ErrorInfo(400, $"The {HeaderName} header '{sessionId}' is not a valid session id: use 1 to {SessionIds.MaxLength} characters of letters, digits, '-' and '_'.", "invalid_value", HeaderName));
        }

        var lastAssistant = -1;
        for (var i = 0; i < request.Messages.Count; i++)
        {
            if (request.Messages[i].Role == ChatRole.Assistant)
            {
                lastAssistant = i;
            }
        }

        var input = request.Messages.Skip(lastAssistant + 1).Where(static m => m.Role != ChatRole.System).ToList();
        if (input.Count == 0)
        {
            return (null, new ErrorInfo(400, $"With {HeaderName}, the request must end with at least one new user or tool message after its last assistant message.", "invalid_value", "messages"));
        }

        if (await sessions.GetAsync(sessionId, context.RequestAborted).ConfigureAwait(false) is null)
        {
            try
            {
                await sessions.CreateAsync(new NewSession { Id = sessionId }, context.RequestAborted).ConfigureAwait(false);
            }
            catch (SessionAlreadyExistsException)
            {
                // Created by a concurrent request: bind to it all the same.
            }
        }

        var system = string.Join("\n\n", request.Messages.Where(static m => m.Role == ChatRole.System).Select(static m => m.Text).Where(static t => t.Length > 0));
        return (request with { SessionId = sessionId, Messages = input, Instructions = system.Length > 0 ? system : null }, null);
    }
}
