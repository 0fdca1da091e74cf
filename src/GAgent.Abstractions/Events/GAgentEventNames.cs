namespace GAgent.Events;

/// <summary>Names of GAgent's own <see cref="CustomEvent"/>s.</summary>
public static class GAgentEventNames
{
    /// <summary>Token usage of one model call: <c>{"inputTokens","outputTokens","totalTokens"}</c>.</summary>
    public const string Usage = "gagent.usage";

    /// <summary>A tool call waits for approval.</summary>
    public const string ApprovalRequested = "gagent.approval.requested";

    /// <summary>An approval was granted or denied.</summary>
    public const string ApprovalResolved = "gagent.approval.resolved";

    /// <summary>A session was created: the session as <c>GET /api/sessions/{id}</c> returns it.</summary>
    public const string SessionCreated = "gagent.session.created";

    /// <summary>A session's metadata changed (title, message count, pin, profile): the session as <c>GET /api/sessions/{id}</c> returns it.</summary>
    public const string SessionUpdated = "gagent.session.updated";

    /// <summary>A session was deleted: <c>{"id"}</c>.</summary>
    public const string SessionDeleted = "gagent.session.deleted";

    /// <summary>A channel's supervised state changed (started, faulted, restarting, stopped): <c>{"name","status"}</c> as <c>GET /api/channels</c> shows them.</summary>
    public const string ChannelStatus = "gagent.channel.status";

    /// <summary>A run started or ended in a session: <c>{"runId","sessionId","status"}</c>; lets lists show which sessions are busy.</summary>
    public const string RunStatus = "gagent.run.status";

    /// <summary>A profile was created or changed: the profile as <c>GET /api/profiles/{id}</c> returns it.</summary>
    public const string ProfileUpdated = "gagent.profile.updated";

    /// <summary>A profile was deleted: <c>{"id"}</c>.</summary>
    public const string ProfileDeleted = "gagent.profile.deleted";

    /// <summary>Another profile became the globally active one: <c>{"profileId"}</c>.</summary>
    public const string ProfileActive = "gagent.profile.active";

    /// <summary>A profile's memory changed: <c>{"profileId","scope"}</c>.</summary>
    public const string MemoryUpdated = "gagent.memory.updated";

    /// <summary>A skill was created, edited, enabled or disabled: the skill as <c>GET /api/skills/{id}</c> returns it (without its text).</summary>
    public const string SkillUpdated = "gagent.skill.updated";

    /// <summary>A skill was deleted: <c>{"id"}</c>.</summary>
    public const string SkillDeleted = "gagent.skill.deleted";

    /// <summary>A routine was created or changed, or its schedule state moved on: the routine as <c>GET /api/routines/{id}</c> returns it.</summary>
    public const string RoutineUpdated = "gagent.routine.updated";

    /// <summary>A routine was deleted: <c>{"id"}</c>.</summary>
    public const string RoutineDeleted = "gagent.routine.deleted";

    /// <summary>A routine run started, ended or was skipped: <c>{"routineId","runId","sessionId","trigger","scheduledFor","startedAt","finishedAt","status","error"}</c>.</summary>
    public const string RoutineRun = "gagent.routine.run";

    /// <summary>A learning candidate was proposed (by the agent or the API): the candidate as <c>GET /api/learning/{id}</c> returns it, without the preview.</summary>
    public const string LearningProposed = "gagent.learning.proposed";

    /// <summary>A learning candidate was edited, approved, rejected, applied or failed to apply: the candidate as <c>GET /api/learning/{id}</c> returns it, without the preview.</summary>
    public const string LearningUpdated = "gagent.learning.updated";
}
