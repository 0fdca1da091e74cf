using System.Text.Json;
using System.Text.Json.Serialization;

namespace GAgent.Approvals;

/// <summary>Source-generated JSON of the file approval store's records.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ApprovalRecord))]
[JsonSerializable(typeof(ApprovalGrant))]
internal sealed partial class ApprovalStoreJsonContext : JsonSerializerContext;
