namespace GAgent.AspNetCore.OpenAI;

/// <summary>The kinds of frame a chat completions stream sends, in the order OpenAI sends them.</summary>
internal enum ChatChunkKind
{
    Role,
    Content,
    ToolCallStart,
    ToolCallArguments,
    Finish,
    Usage,
    Error,
    Done,
}
