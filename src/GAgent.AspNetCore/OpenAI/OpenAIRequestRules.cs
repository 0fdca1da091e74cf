using System.Text.Json;
using Microsoft.Extensions.AI;

namespace GAgent.AspNetCore.OpenAI;

/// <summary>Validation rules chat completions and Responses share; failures name the field, as OpenAI's errors do.</summary>
internal static class OpenAIRequestRules
{
    public static float? Range(float? value, float min, float max, string name)
        => value is { } v && (v < min || v > max) ? throw Invalid(name, $"'{name}' must be between {min} and {max}; got {v}.") : value;

    /// <summary>
    /// Maps <c>tool_choice</c>: <c>auto</c>, <c>none</c>, <c>required</c>, or an object naming one of the declared functions.
    /// The two APIs put the name in different places, so <paramref name="nameOf"/> finds it and <paramref name="objectShape"/>
    /// shows the expected object in messages.
    /// </summary>
    public static ChatToolMode? ToolChoice(JsonElement? choice, List<AIFunctionDeclaration> tools, Func<JsonElement, string?> nameOf, string objectShape)
    {
        switch (choice)
        {
            case null or { ValueKind: JsonValueKind.Null }:
                return null;
            case { ValueKind: JsonValueKind.String } s:
                return s.GetString() switch
                {
                    "auto" => ChatToolMode.Auto,
                    "none" => ChatToolMode.None,
                    "required" => ChatToolMode.RequireAny,
                    var other => throw Invalid("tool_choice", $"'{other}' is not a valid tool_choice; use 'auto', 'none', 'required' or {objectShape}."),
                };
            case { ValueKind: JsonValueKind.Object } o when nameOf(o) is { } toolName:
                return tools.Any(t => t.Name == toolName)
                    ? ChatToolMode.RequireSpecific(toolName)
                    : throw Invalid("tool_choice", $"tool_choice names the function '{toolName}', which is not in 'tools'.");
            default:
                throw Invalid("tool_choice", $"'tool_choice' must be 'auto', 'none', 'required' or {objectShape}.");
        }
    }

    public static RequestValidationException Invalid(string param, string message, string code = "invalid_value") => new(param, message, code);
}
