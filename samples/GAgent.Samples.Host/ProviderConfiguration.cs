namespace GAgent.Samples.Host;

/// <summary>Whether configuration names a real model provider.</summary>
internal static class ProviderConfiguration
{
    public static bool IsConfigured(IConfiguration configuration)
    {
        var openAI = configuration.GetSection("GAgent:OpenAI");
        return !string.IsNullOrWhiteSpace(openAI["ApiKey"]) || !string.IsNullOrWhiteSpace(openAI["Endpoint"]);
    }
}
