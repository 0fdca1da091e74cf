namespace GAgent.AspNetCore.Api.Wire;

/// <summary>A profile's memory as the control API shows it.</summary>
internal sealed record MemoryResponse(string ProfileId, string Scope, string Content, int Length, int MaxLength, DateTimeOffset? UpdatedAt);
