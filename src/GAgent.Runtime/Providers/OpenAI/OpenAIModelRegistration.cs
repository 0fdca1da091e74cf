using System.ComponentModel.DataAnnotations;
using GAgent.Models;

namespace GAgent.Providers.OpenAI;

/// <summary>Turns validated <see cref="OpenAIProviderOptions"/> into a model registration.</summary>
internal static class OpenAIModelRegistration
{
    public static ModelRegistration Create(OpenAIProviderOptions options, string origin)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            throw new InvalidOperationException($"The OpenAI provider ({origin}) is not valid: " + string.Join(" ", results.Select(static r => r.ErrorMessage)));
        }

        var descriptor = new ModelDescriptor
        {
            Id = options.EffectiveModelAlias,
            OwnedBy = "openai",
            Description = options.Endpoint is null ? $"OpenAI {options.Model}" : $"{options.Model} at {options.Endpoint.GetLeftPart(UriPartial.Authority)}",
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var host = options.Endpoint is { } endpoint ? endpoint.Authority : "api.openai.com";
        return new ModelRegistration(descriptor, _ => new OpenAICompatibleChatClient(options), new ModelProvider("openai", host, options.Model));
    }
}
