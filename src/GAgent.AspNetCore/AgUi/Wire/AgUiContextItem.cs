namespace GAgent.AspNetCore.AgUi.Wire;

/// <summary>One AG-UI context item.</summary>
internal sealed class AgUiContextItem
{
    public string? Description { get; set; }

    public string? Value { get; set; }
}
