using System.Text;

namespace GAgent.Providers.OpenAI;

/// <summary>A streamed tool call being reassembled: id and name arrive first, argument text in fragments.</summary>
internal sealed class PendingToolCall
{
    /// <summary>The call id, from the first fragment that carries one.</summary>
    public string? Id { get; set; }

    /// <summary>The function name, from the first fragment that carries one.</summary>
    public string? Name { get; set; }

    /// <summary>The argument JSON accumulated so far.</summary>
    public StringBuilder Arguments { get; } = new();
}
