using System.Text.Json;
using System.Text.Json.Serialization;

namespace GAgent.Approvals;

/// <summary>Source-generated JSON of approval payloads in events (the same shape the REST API returns).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ApprovalView))]
[JsonSerializable(typeof(GrantView))]
internal sealed partial class ApprovalJsonContext : JsonSerializerContext;
