using System.Text.Json;
using System.Text.Json.Serialization;

namespace GAgent.AspNetCore.Api.Wire;

/// <summary>Source-generated JSON of the control API (camelCase, nulls omitted).</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(SessionResponse))]
[JsonSerializable(typeof(GAgent.Approvals.ApprovalView))]
[JsonSerializable(typeof(ApprovalListResponse))]
[JsonSerializable(typeof(GrantListResponse))]
[JsonSerializable(typeof(DecideApprovalRequest))]
[JsonSerializable(typeof(SessionListResponse))]
[JsonSerializable(typeof(CreateSessionRequest))]
[JsonSerializable(typeof(PatchSessionRequest))]
[JsonSerializable(typeof(PostMessageRequest))]
[JsonSerializable(typeof(MessagePageResponse))]
[JsonSerializable(typeof(RunResponse))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(StatusResponse))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(ChannelListResponse))]
[JsonSerializable(typeof(MediaUploadResponse))]
[JsonSerializable(typeof(ProfileResponse))]
[JsonSerializable(typeof(ProfileListResponse))]
[JsonSerializable(typeof(PutProfileRequest))]
[JsonSerializable(typeof(PatchProfileRequest))]
[JsonSerializable(typeof(ActiveProfileRequest))]
[JsonSerializable(typeof(ActiveProfileResponse))]
[JsonSerializable(typeof(IdPayload))]
[JsonSerializable(typeof(MemoryResponse))]
[JsonSerializable(typeof(DocumentContentRequest))]
[JsonSerializable(typeof(MemoryEntryRequest))]
[JsonSerializable(typeof(SkillResponse))]
[JsonSerializable(typeof(SkillListResponse))]
[JsonSerializable(typeof(PatchSkillRequest))]
[JsonSerializable(typeof(ProviderListResponse))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
