using GAgent.Approvals;

namespace GAgent.AspNetCore.Api.Wire;

/// <summary>Every standing grant, newest first.</summary>
internal sealed record GrantListResponse(IReadOnlyList<GrantView> Items);
