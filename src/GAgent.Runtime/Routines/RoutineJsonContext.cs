using System.Text.Json;
using System.Text.Json.Serialization;

namespace GAgent.Routines;

/// <summary>Source-generated JSON of routines on the wire (control API and events): camelCase, nulls omitted.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RoutineView))]
[JsonSerializable(typeof(RoutineListView))]
[JsonSerializable(typeof(RoutineDeletedView))]
[JsonSerializable(typeof(RoutineRunEventView))]
[JsonSerializable(typeof(RoutineRunStartedView))]
internal sealed partial class RoutineJsonContext : JsonSerializerContext;
