namespace GAgent.Memory;

/// <summary>Payload of <c>gagent.memory.updated</c>: whose memory changed.</summary>
internal sealed record MemoryUpdatedPayload(string ProfileId, string Scope);
