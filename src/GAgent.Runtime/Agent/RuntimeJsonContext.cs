using System.Text.Json.Serialization;
using GAgent.Sessions;

namespace GAgent.Agent;

/// <summary>Source-generated JSON for the runtime's own payloads.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(RunUsagePayload))]
[JsonSerializable(typeof(RunStatusPayload))]
[JsonSerializable(typeof(SessionNotificationPayload))]
[JsonSerializable(typeof(SessionDeletedPayload))]
[JsonSerializable(typeof(GAgent.Channels.ChannelNotificationPayload))]
internal sealed partial class RuntimeJsonContext : JsonSerializerContext;
