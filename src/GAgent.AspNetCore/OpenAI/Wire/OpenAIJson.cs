using System.Text.Encodings.Web;
using System.Text.Json;

namespace GAgent.AspNetCore.OpenAI.Wire;

/// <summary>The OpenAI surface's JSON context, writing text as-is (no \u escapes for quotes or non-ASCII) as OpenAI does.</summary>
internal static class OpenAIJson
{
    public static OpenAIJsonContext Context { get; } = new(new JsonSerializerOptions(OpenAIJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
