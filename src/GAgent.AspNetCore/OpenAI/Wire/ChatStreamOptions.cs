namespace GAgent.AspNetCore.OpenAI.Wire;

/// <summary><c>stream_options</c>.</summary>
internal sealed class ChatStreamOptions
{
    public bool? IncludeUsage { get; set; }
}
