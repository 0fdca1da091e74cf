using System.Text.Json;
using System.Text.Json.Serialization;

namespace GAgent.AspNetCore.OpenAI.Responses.Wire;

/// <summary>
/// Source-generated JSON of the Responses surface (snake_case). Nulls are written, because the spec marks fields such
/// as <c>error</c> and <c>instructions</c> required-but-nullable; optional fields opt out per property.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(CreateResponseRequest))]
[JsonSerializable(typeof(ResponseObject))]
[JsonSerializable(typeof(ResponseOutputItem))]
[JsonSerializable(typeof(ResponseStreamEvent))]
[JsonSerializable(typeof(ResponseDeleted))]
[JsonSerializable(typeof(ResponseItemList))]
internal sealed partial class ResponsesJsonContext : JsonSerializerContext;
