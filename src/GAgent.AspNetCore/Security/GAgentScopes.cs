namespace GAgent.AspNetCore.Security;

/// <summary>What an API key may do.</summary>
internal static class GAgentScopes
{
    /// <summary>The OpenAI-compatible API and sending messages.</summary>
    public const string Chat = "chat";

    /// <summary>The control API.</summary>
    public const string Admin = "admin";
}
