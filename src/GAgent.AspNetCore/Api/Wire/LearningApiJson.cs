using System.Text.Encodings.Web;
using System.Text.Json;

namespace GAgent.AspNetCore.Api.Wire;

/// <summary>The learning API's JSON context, writing text as-is (no \u escapes for quotes or non-ASCII), as <see cref="ApiJson"/> does.</summary>
internal static class LearningApiJson
{
    public static LearningApiJsonContext Context { get; } = new(new JsonSerializerOptions(LearningApiJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
