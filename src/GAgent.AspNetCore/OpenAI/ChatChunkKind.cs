namespace GAgent.AspNetCore.OpenAI;

/// <summary>The kinds of chunk a chat completions stream sends, in the order OpenAI sends them (then <c>[DONE]</c>).</summary>
internal enum ChatChunkKind
{
    Role,
    Content,
    ToolCallStart,
    ToolCallArguments,
    Finish,
    Usage,
    Error,
}
