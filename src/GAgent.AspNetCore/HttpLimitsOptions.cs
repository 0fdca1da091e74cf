using System.ComponentModel.DataAnnotations;

namespace GAgent.AspNetCore;

/// <summary>Request limits (<c>GAgent:Limits</c>); requests over them get 413 naming the limit.</summary>
public sealed class HttpLimitsOptions
{
    /// <summary>Largest JSON body of an OpenAI request (images as data URLs make these large).</summary>
    [Range(1024, 512L * 1024 * 1024)]
    public long MaxOpenAIRequestBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Largest JSON body of a control API request.</summary>
    [Range(1024, 512L * 1024 * 1024)]
    public long MaxApiRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>Most messages in one OpenAI request.</summary>
    [Range(1, 100_000)]
    public int MaxMessages { get; set; } = 2048;

    /// <summary>Most content parts in one message.</summary>
    [Range(1, 10_000)]
    public int MaxContentParts { get; set; } = 256;

    /// <summary>Deepest JSON nesting accepted in a request body.</summary>
    [Range(8, 256)]
    public int MaxJsonDepth { get; set; } = 64;
}
