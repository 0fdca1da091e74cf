namespace GAgent.AspNetCore.Api.Wire;

/// <summary><c>GET /api/providers</c>.</summary>
internal sealed record ProviderListResponse(IReadOnlyList<ProviderResponse> Items, string DefaultModel);
