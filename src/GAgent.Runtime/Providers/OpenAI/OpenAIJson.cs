using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.AI;

namespace GAgent.Providers.OpenAI;

/// <summary>JSON metadata shared by the OpenAI mapping code; Microsoft.Extensions.AI's options keep it trim-safe.</summary>
internal static class OpenAIJson
{
    /// <summary>Type info for tool call arguments (values deserialize as <see cref="JsonElement"/>).</summary>
    public static JsonTypeInfo<IDictionary<string, object?>> ArgumentsTypeInfo { get; } =
        (JsonTypeInfo<IDictionary<string, object?>>)AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IDictionary<string, object?>));

    /// <summary>Parses a tool call's arguments; empty text means no arguments, malformed JSON throws for the caller to record.</summary>
    public static IDictionary<string, object?>? ParseArguments(string json) => string.IsNullOrWhiteSpace(json)
        ? new Dictionary<string, object?>()
        : JsonSerializer.Deserialize(json, ArgumentsTypeInfo);

    /// <summary>Builds a <see cref="FunctionCallContent"/>, keeping the call (with its exception) when the arguments are malformed.</summary>
    public static FunctionCallContent CreateFunctionCall(string callId, string name, string? argumentsJson) =>
        FunctionCallContent.CreateFromParsedArguments(argumentsJson ?? string.Empty, callId, name, ParseArguments);
}
