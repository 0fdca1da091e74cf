namespace GAgent.Models;

/// <summary>Where a model comes from, as <c>GET /api/providers</c> shows it: never a key, only the endpoint's host.</summary>
/// <param name="Kind"><c>openai</c> (any OpenAI-compatible server), <c>demo</c> (the offline demo model) or <c>custom</c> (an <c>IChatClient</c> added in code).</param>
/// <param name="Host">The host (and port) of the provider's endpoint, when known.</param>
/// <param name="UpstreamModel">The model name sent to the provider, when it differs from what clients see.</param>
internal sealed record ModelProvider(string Kind, string? Host = null, string? UpstreamModel = null);
