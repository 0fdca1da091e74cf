namespace GAgent.AspNetCore.Api.Wire;

/// <summary>Liveness answer.</summary>
internal sealed record HealthResponse(string Status);
