using System.Text.Json;
using System.Text.Json.Serialization;

namespace GAgent.Profiles;

/// <summary>Source-generated JSON of the file profile store (camelCase, enums as strings, nulls omitted).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true, WriteIndented = true)]
[JsonSerializable(typeof(AgentProfile))]
[JsonSerializable(typeof(ActiveProfileRecord))]
internal sealed partial class ProfileJsonContext : JsonSerializerContext;
