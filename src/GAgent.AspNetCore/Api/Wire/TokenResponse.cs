namespace GAgent.AspNetCore.Api.Wire;

/// <summary>A single-use token from <c>POST /api/tokens</c>.</summary>
internal sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt, double ExpiresIn, IReadOnlyList<string> Scopes);
