namespace GAgent.AspNetCore.Security;

/// <summary>Marks an endpoint GAgent's access check lets anyone reach (liveness probes).</summary>
internal sealed class GAgentAnonymousMetadata;
