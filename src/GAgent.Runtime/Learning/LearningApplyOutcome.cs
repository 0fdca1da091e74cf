using GAgent.Memory;
using GAgent.Profiles;
using GAgent.Skills;

namespace GAgent.Learning;

/// <summary>The result of applying a candidate: the candidate as stored after it, and either the changed target or the failure.</summary>
internal sealed record LearningApplyOutcome(LearningCandidate Candidate, Exception? Failure)
{
    /// <summary>The written skill (skill candidates).</summary>
    public Skill? Skill { get; init; }

    /// <summary>The memory after the append (memory candidates).</summary>
    public MemoryDocument? Memory { get; init; }

    /// <summary>The profile whose memory changed (memory candidates) or the changed profile (profile candidates).</summary>
    public AgentProfile? Profile { get; init; }
}
