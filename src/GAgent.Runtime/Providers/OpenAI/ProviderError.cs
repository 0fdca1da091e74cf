namespace GAgent.Providers.OpenAI;

/// <summary>The fields of a provider's error body, each absent when the provider did not send it.</summary>
internal readonly record struct ProviderError(string? Message, string? Type, string? Code);
