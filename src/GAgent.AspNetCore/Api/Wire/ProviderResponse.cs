namespace GAgent.AspNetCore.Api.Wire;

/// <summary>One configured provider: its kind (<c>openai</c>, <c>demo</c>, <c>custom</c>), its endpoint's host and its models. Never a key.</summary>
internal sealed record ProviderResponse(string Name, string Kind, string? Host, IReadOnlyList<ProviderModelResponse> Models);
