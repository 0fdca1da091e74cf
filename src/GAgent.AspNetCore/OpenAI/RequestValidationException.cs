namespace GAgent.AspNetCore.OpenAI;

/// <summary>A request field is invalid; <see cref="Param"/> names it for OpenAI's error envelope.</summary>
internal sealed class RequestValidationException(string param, string message, string code) : Exception(message)
{
    public string Param { get; } = param;

    public string Code { get; } = code;
}
