using System.Text.Json;
using System.Text.Json.Serialization;

namespace GAgent.Learning;

/// <summary>
/// Source-generated JSON of learning candidates, for the file store and the <c>gagent.learning.*</c> notifications
/// (camelCase, enums as their lowercase names, nulls omitted): the shape the control API returns.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(LearningCandidate))]
internal sealed partial class LearningJsonContext : JsonSerializerContext;
