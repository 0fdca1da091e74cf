namespace GAgent.Providers;

/// <summary>A model provider (OpenAI or a compatible server) rejected a call or could not be reached.</summary>
public sealed class ChatProviderException : GAgentException
{
    /// <summary>Creates the exception.</summary>
    public ChatProviderException(string provider, string message, int? statusCode = null, string? providerErrorCode = null, Exception? innerException = null)
        : base(message, "provider_error", innerException)
    {
        Provider = provider;
        StatusCode = statusCode;
        ProviderErrorCode = providerErrorCode;
    }

    /// <summary>Which provider failed (e.g. <c>openai</c>).</summary>
    public string Provider { get; }

    /// <summary>The provider's HTTP status, when it answered.</summary>
    public int? StatusCode { get; }

    /// <summary>The provider's own error code (e.g. <c>invalid_api_key</c>), when it sent one.</summary>
    public string? ProviderErrorCode { get; }
}
