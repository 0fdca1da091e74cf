using System.ComponentModel.DataAnnotations;

namespace GAgent.Providers.OpenAI;

/// <summary>
/// Settings of the OpenAI provider, bound from the configuration section <c>GAgent:OpenAI</c>. The provider works with
/// OpenAI itself and with any server that speaks the OpenAI chat completions API (Azure OpenAI's v1 endpoint, Ollama,
/// vLLM, llama.cpp) by pointing <see cref="Endpoint"/> at it.
/// </summary>
public sealed class OpenAIProviderOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "GAgent:OpenAI";

    /// <summary>
    /// Base URL of the API, including its version segment (e.g. <c>http://localhost:11434/v1</c> for Ollama or
    /// <c>https://my-resource.openai.azure.com/openai/v1/</c> for Azure OpenAI). <see langword="null"/> means
    /// <c>https://api.openai.com/v1</c>.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>
    /// The API key sent as a bearer token. Local servers that need none may leave it empty; a placeholder key is sent
    /// instead because the SDK always sends one.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>The provider's model id sent with every request (e.g. <c>gpt-4o-mini</c> or <c>llama3.1:8b</c>).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "GAgent:OpenAI:Model is required: set it to the provider's model id, e.g. gpt-4o-mini.")]
    public string Model { get; set; } = string.Empty;

    /// <summary>The id GAgent lists in <c>/v1/models</c> for this model; defaults to <see cref="Model"/>.</summary>
    public string? ModelAlias { get; set; }

    /// <summary>The OpenAI organization id sent as the <c>OpenAI-Organization</c> header, when set.</summary>
    public string? Organization { get; set; }

    /// <summary>How long one HTTP attempt may take before it is abandoned. Defaults to 100 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "GAgent:OpenAI:NetworkTimeout must be between 1 second and 1 hour.")]
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>How many times a failed request (429, 5xx, network error) is retried with backoff. Defaults to 2.</summary>
    [Range(0, 10, ErrorMessage = "GAgent:OpenAI:MaxRetries must be between 0 and 10.")]
    public int MaxRetries { get; set; } = 2;

    /// <summary>The id GAgent exposes for this model: <see cref="ModelAlias"/> when set, otherwise <see cref="Model"/>.</summary>
    public string EffectiveModelAlias => string.IsNullOrWhiteSpace(ModelAlias) ? Model : ModelAlias;
}
