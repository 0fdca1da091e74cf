using Microsoft.Extensions.AI;

namespace GAgent.AspNetCore.AgUi;

/// <summary>A validated AG-UI input: the thread's conversation (system messages moved into instructions) and run settings.</summary>
internal sealed record AgUiTurn(
    string ThreadId,
    IReadOnlyList<ChatMessage> Conversation,
    string? Instructions,
    IReadOnlyList<AIFunctionDeclaration> ClientTools,
    string? ModelId);
