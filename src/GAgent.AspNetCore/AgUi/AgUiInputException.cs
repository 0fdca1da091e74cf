namespace GAgent.AspNetCore.AgUi;

/// <summary>A field of an AG-UI input is invalid; <see cref="Param"/> names it.</summary>
internal sealed class AgUiInputException(string param, string message) : Exception(message)
{
    public string Param { get; } = param;
}
