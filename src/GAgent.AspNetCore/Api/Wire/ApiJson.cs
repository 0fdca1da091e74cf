using System.Text.Encodings.Web;
using System.Text.Json;

namespace GAgent.AspNetCore.Api.Wire;

/// <summary>The control API's JSON context, writing text as-is (no \u escapes for quotes or non-ASCII).</summary>
internal static class ApiJson
{
    public static ApiJsonContext Context { get; } = new(new JsonSerializerOptions(ApiJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
