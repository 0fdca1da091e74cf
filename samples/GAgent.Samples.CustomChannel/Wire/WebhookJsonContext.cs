using System.Text.Json;
using System.Text.Json.Serialization;

namespace GAgent.Samples.CustomChannel.Wire;

/// <summary>Source-generated JSON of the webhook (camelCase, nulls omitted).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InboundWebhookRequest))]
[JsonSerializable(typeof(InboundWebhookAccepted))]
[JsonSerializable(typeof(OutboundWebhookPayload))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
