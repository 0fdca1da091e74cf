using GAgent.Providers.OpenAI;

namespace GAgent.Runtime.Tests.Providers;

/// <summary>Creates adapters pointed at a <see cref="FakeOpenAIServer"/>.</summary>
internal static class OpenAITestClients
{
    public const string ApiKey = "sk-test-key";

    public static OpenAICompatibleChatClient Create(FakeOpenAIServer server, int maxRetries = 0) => Create(server.Endpoint, maxRetries);

    public static OpenAICompatibleChatClient Create(Uri endpoint, int maxRetries = 0) => new(new OpenAIProviderOptions
    {
        Endpoint = endpoint,
        ApiKey = ApiKey,
        Model = OpenAIWire.Model,
        MaxRetries = maxRetries,
    });
}
