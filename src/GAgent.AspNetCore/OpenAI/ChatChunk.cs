using GAgent.Events;

namespace GAgent.AspNetCore.OpenAI;

/// <summary>One chunk of a chat completions stream, described, not yet serialized.</summary>
internal readonly record struct ChatChunk(ChatChunkKind Kind, AgentEvent? Event = null, int ToolIndex = 0, string? Text = null);
