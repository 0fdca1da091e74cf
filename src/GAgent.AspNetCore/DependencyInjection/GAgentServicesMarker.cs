namespace GAgent.AspNetCore;

/// <summary>Registered by <c>AddGAgent()</c>; <c>MapGAgentEndpoints()</c> looks for it to fail fast with a clear message.</summary>
internal sealed class GAgentServicesMarker;
