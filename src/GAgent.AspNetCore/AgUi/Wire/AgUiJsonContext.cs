using System.Text.Json;
using System.Text.Json.Serialization;

namespace GAgent.AspNetCore.AgUi.Wire;

/// <summary>Source-generated JSON of the AG-UI input (camelCase).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AgUiRunInput))]
internal sealed partial class AgUiJsonContext : JsonSerializerContext;
