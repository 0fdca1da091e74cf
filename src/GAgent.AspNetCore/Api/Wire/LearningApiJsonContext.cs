using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using GAgent.Learning;

namespace GAgent.AspNetCore.Api.Wire;

/// <summary>Source-generated JSON of the learning API (camelCase, enums as their lowercase names, nulls omitted), the same shape as the <c>gagent.learning.*</c> notifications.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(LearningCandidate))]
[JsonSerializable(typeof(LearningListResponse))]
[JsonSerializable(typeof(LearningProposalRequest))]
[JsonSerializable(typeof(LearningDecisionRequest))]
[JsonSerializable(typeof(LearningPreviewResponse))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class LearningApiJsonContext : JsonSerializerContext;
