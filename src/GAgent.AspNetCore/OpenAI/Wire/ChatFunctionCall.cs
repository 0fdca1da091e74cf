namespace GAgent.AspNetCore.OpenAI.Wire;

/// <summary>The function of a tool call; <see cref="Arguments"/> is a JSON object as a string.</summary>
internal sealed class ChatFunctionCall
{
    public string? Name { get; set; }

    public string? Arguments { get; set; }
}
