using System.ComponentModel.DataAnnotations;

namespace GAgent.AspNetCore;

/// <summary>The web control room that <c>MapGAgentEndpoints()</c> maps (<c>GAgent:WebUI</c>).</summary>
public sealed class WebUIOptions
{
    /// <summary>Whether <c>MapGAgentEndpoints()</c> also serves the web UI. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where the UI lives under the endpoints' prefix: <c>/</c> (default) or a literal path such as <c>/ui</c>.</summary>
    [Required]
    [RegularExpression(@"^/([A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*)?/?$", ErrorMessage = "GAgent:WebUI:Path must be \"/\" or a literal path such as \"/ui\" (letters, digits, '.', '_', '~', '-').")]
    public string Path { get; set; } = "/";
}
