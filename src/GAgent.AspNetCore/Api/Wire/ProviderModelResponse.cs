namespace GAgent.AspNetCore.Api.Wire;

/// <summary>One model of a provider in <c>GET /api/providers</c>.</summary>
internal sealed record ProviderModelResponse(string Id, string? UpstreamModel, string? Description, bool IsDefault, bool IsDemo);
