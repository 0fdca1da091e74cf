namespace GAgent.Agent;

/// <summary>The payload of <c>gagent.run.status</c>.</summary>
internal sealed record RunStatusPayload(string RunId, string SessionId, string Status);
