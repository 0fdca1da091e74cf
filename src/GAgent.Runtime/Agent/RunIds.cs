namespace GAgent.Agent;

/// <summary>Generates the ids the runtime hands out; time-ordered so logs and stores sort naturally.</summary>
internal static class RunIds
{
    public static string NewRunId() => "run_" + TimeOrderedGuid.New().ToString("N");

    public static string NewMessageId() => "msg_" + TimeOrderedGuid.New().ToString("N");
}
