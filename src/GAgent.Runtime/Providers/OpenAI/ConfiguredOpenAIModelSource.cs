using GAgent.Models;
using Microsoft.Extensions.Options;

namespace GAgent.Providers.OpenAI;

/// <summary>The OpenAI provider configured in the <c>GAgent:OpenAI</c> section, when that section sets anything.</summary>
internal sealed class ConfiguredOpenAIModelSource(IOptions<OpenAIProviderOptions> options) : IModelSource
{
    public IEnumerable<ModelRegistration> GetModels()
    {
        var value = options.Value;
        var configured = !string.IsNullOrWhiteSpace(value.Model) || !string.IsNullOrWhiteSpace(value.ApiKey) || value.Endpoint is not null;
        return configured ? [OpenAIModelRegistration.Create(value, "configuration section " + OpenAIProviderOptions.SectionName)] : [];
    }
}
