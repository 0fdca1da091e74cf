using GAgent.Learning;

namespace GAgent.AspNetCore.Api.Wire;

/// <summary>A page of <c>GET /api/learning</c>, newest first; <c>nextAfter</c> is the <c>after</c> of the next page.</summary>
internal sealed record LearningListResponse(IReadOnlyList<LearningCandidate> Items, string? NextAfter);
