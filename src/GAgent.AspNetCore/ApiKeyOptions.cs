using System.ComponentModel.DataAnnotations;

namespace GAgent.AspNetCore;

/// <summary>One API key and what it may do.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>The shortest key accepted: shorter keys are guessable.</summary>
    public const int MinimumLength = 32;

    /// <summary>The secret (at least <see cref="MinimumLength"/> characters). Never logged.</summary>
    [Required]
    [MinLength(MinimumLength, ErrorMessage = "GAgent API keys must be at least 32 characters long; generate one with: openssl rand -hex 32")]
    public string Key { get; set; } = string.Empty;

    /// <summary>A label for logs and status (e.g. <c>open-webui</c>).</summary>
    public string? Name { get; set; }

    /// <summary>
    /// What the key may do: <c>chat</c> (the OpenAI-compatible API and sending messages) and/or <c>admin</c> (the control
    /// API). Empty means both.
    /// </summary>
    public IList<string> Scopes { get; } = [];
}
