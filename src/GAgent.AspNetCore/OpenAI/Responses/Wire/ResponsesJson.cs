using System.Text.Encodings.Web;
using System.Text.Json;

namespace GAgent.AspNetCore.OpenAI.Responses.Wire;

/// <summary>The Responses surface's JSON context, writing text as-is (no \u escapes for quotes or non-ASCII) as OpenAI does.</summary>
internal static class ResponsesJson
{
    public static ResponsesJsonContext Context { get; } = new(new JsonSerializerOptions(ResponsesJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
