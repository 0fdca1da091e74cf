namespace GAgent.AspNetCore.AgUi.Wire;

/// <summary>A tool call of an AG-UI assistant message.</summary>
internal sealed class AgUiToolCall
{
    public string? Id { get; set; }

    public string? Type { get; set; }

    public AgUiFunctionCall? Function { get; set; }
}
