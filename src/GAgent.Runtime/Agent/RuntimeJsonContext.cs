using System.Text.Json.Serialization;

namespace GAgent.Agent;

/// <summary>Source-generated JSON for the runtime's own payloads.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RunUsagePayload))]
internal sealed partial class RuntimeJsonContext : JsonSerializerContext;
