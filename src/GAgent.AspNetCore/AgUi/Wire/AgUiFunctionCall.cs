namespace GAgent.AspNetCore.AgUi.Wire;

/// <summary>The function of an AG-UI tool call; <see cref="Arguments"/> is a JSON string.</summary>
internal sealed class AgUiFunctionCall
{
    public string? Name { get; set; }

    public string? Arguments { get; set; }
}
