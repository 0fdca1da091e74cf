namespace GAgent.Agent;

/// <summary>Generates the ids the runtime hands out; time-ordered so logs and stores sort naturally.</summary>
internal static class RunIds
{
    /// <summary>How the session id of a run without a session starts; nothing is stored under it.</summary>
    public const string EphemeralSessionPrefix = "ephemeral_";

    public static string NewRunId() => NewId("run_");

    public static string NewMessageId() => NewId("msg_");

    public static string NewEphemeralSessionId() => NewId(EphemeralSessionPrefix);

    /// <summary>A new time-ordered id after <paramref name="prefix"/> (e.g. <c>fc_</c> for a Responses function call item).</summary>
    public static string NewId(string prefix) => prefix + TimeOrderedGuid.New().ToString("N");
}
