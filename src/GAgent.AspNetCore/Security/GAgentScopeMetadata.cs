namespace GAgent.AspNetCore.Security;

/// <summary>Overrides the scope an endpoint needs (e.g. sending a message needs <c>chat</c>, not <c>admin</c>).</summary>
internal sealed record GAgentScopeMetadata(string Scope);
