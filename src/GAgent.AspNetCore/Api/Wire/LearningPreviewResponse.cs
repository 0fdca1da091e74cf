namespace GAgent.AspNetCore.Api.Wire;

/// <summary>The <c>preview</c> of <c>GET /api/learning/{id}</c>: what applying would change now.</summary>
internal sealed record LearningPreviewResponse(string Target, bool TargetExists, string? Diff, IReadOnlyList<LearningFieldChangeResponse> Fields, string? Problem);
