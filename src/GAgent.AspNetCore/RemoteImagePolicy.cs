namespace GAgent.AspNetCore;

/// <summary>What the OpenAI-compatible API does with <c>image_url</c> parts that point at remote http(s) URLs.</summary>
public enum RemoteImagePolicy
{
    /// <summary>Pass the URL to the model provider, which fetches it (as OpenAI does). GAgent itself never fetches it.</summary>
    PassThrough,

    /// <summary>Reject the request with 400; clients must send images inline as <c>data:</c> URLs.</summary>
    Reject,
}
