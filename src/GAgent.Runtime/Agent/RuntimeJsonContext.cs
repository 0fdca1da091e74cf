using System.Text.Json.Serialization;
using GAgent.Sessions;

namespace GAgent.Agent;

/// <summary>Source-generated JSON for the runtime's own payloads.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RunUsagePayload))]
[JsonSerializable(typeof(RunStatusPayload))]
[JsonSerializable(typeof(SessionNotificationPayload))]
[JsonSerializable(typeof(SessionDeletedPayload))]
internal sealed partial class RuntimeJsonContext : JsonSerializerContext;
