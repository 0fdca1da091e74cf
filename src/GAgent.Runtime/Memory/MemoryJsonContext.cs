using System.Text.Json;
using System.Text.Json.Serialization;

namespace GAgent.Memory;

/// <summary>Source-generated JSON of memory notifications (camelCase).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(MemoryUpdatedPayload))]
internal sealed partial class MemoryJsonContext : JsonSerializerContext;
