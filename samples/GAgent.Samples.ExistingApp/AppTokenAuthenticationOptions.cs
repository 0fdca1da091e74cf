using Microsoft.AspNetCore.Authentication;

namespace GAgent.Samples.ExistingApp;

/// <summary>User name -> token pairs the app accepts (stands in for whatever the real app uses: cookies, JWT, ...).</summary>
internal sealed class AppTokenAuthenticationOptions : AuthenticationSchemeOptions
{
    public Dictionary<string, string> Tokens { get; } = [];
}
