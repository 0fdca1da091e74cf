using System.Text.Json;
using System.Text.Json.Serialization;

namespace GAgent.Skills;

/// <summary>Source-generated JSON of the file skill store's state file.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(SkillStateRecord))]
internal sealed partial class SkillJsonContext : JsonSerializerContext;
