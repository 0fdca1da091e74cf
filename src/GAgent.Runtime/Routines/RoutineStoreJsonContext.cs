using System.Text.Json;
using System.Text.Json.Serialization;

namespace GAgent.Routines;

/// <summary>Source-generated JSON of the routine store's files.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(Routine))]
internal sealed partial class RoutineStoreJsonContext : JsonSerializerContext;
