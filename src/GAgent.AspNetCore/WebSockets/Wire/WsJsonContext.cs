using System.Text.Json;
using System.Text.Json.Serialization;

namespace GAgent.AspNetCore.WebSockets.Wire;

/// <summary>Source-generated JSON of the WebSocket protocol messages (camelCase, nulls omitted).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WsClientMessage))]
[JsonSerializable(typeof(WsServerMessage))]
internal sealed partial class WsJsonContext : JsonSerializerContext;
