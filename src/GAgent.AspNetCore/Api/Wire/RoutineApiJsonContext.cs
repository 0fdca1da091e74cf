using System.Text.Json;
using System.Text.Json.Serialization;

namespace GAgent.AspNetCore.Api.Wire;

/// <summary>Source-generated JSON of routine requests (camelCase); responses use the runtime's routine views.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RoutineRequest))]
internal sealed partial class RoutineApiJsonContext : JsonSerializerContext;
