namespace GAgent.Agent;

/// <summary>Generates the ids the runtime hands out; time-ordered so logs and stores sort naturally.</summary>
internal static class RunIds
{
    /// <summary>How the session id of a run without a session starts; nothing is stored under it.</summary>
    public const string EphemeralSessionPrefix = "ephemeral_";

    public static string NewRunId() => "run_" + TimeOrderedGuid.New().ToString("N");

    public static string NewMessageId() => "msg_" + TimeOrderedGuid.New().ToString("N");

    public static string NewEphemeralSessionId() => EphemeralSessionPrefix + TimeOrderedGuid.New().ToString("N");
}
