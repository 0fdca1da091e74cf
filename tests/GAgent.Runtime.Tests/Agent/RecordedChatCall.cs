using Microsoft.Extensions.AI;

namespace GAgent.Runtime.Tests.Agent;

/// <summary>
/// What one call to <see cref="ScriptedChatClient"/> received: a snapshot of the messages and the options, and whether
/// the reply was asked for as a stream or whole.
/// </summary>
internal sealed record RecordedChatCall(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options, bool Streamed = true)
{
    public IReadOnlyList<string> ToolNames => Options?.Tools?.Select(static t => t.Name).ToList() ?? [];
}
