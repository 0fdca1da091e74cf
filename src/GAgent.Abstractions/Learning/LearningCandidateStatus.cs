using System.Text.Json.Serialization;

namespace GAgent.Learning;

/// <summary>
/// Where a candidate is in review: <see cref="Pending"/> until a person decides, then <see cref="Approved"/> or
/// <see cref="Rejected"/>; an approved candidate becomes <see cref="Applied"/>, or <see cref="Failed"/> when applying it
/// failed (see <see cref="LearningStatusRules"/>).
/// </summary>
public enum LearningCandidateStatus
{
    /// <summary>Waiting for review; the only state whose proposal can be edited.</summary>
    [JsonStringEnumMemberName("pending")]
    Pending,

    /// <summary>Approved by a person, not applied yet.</summary>
    [JsonStringEnumMemberName("approved")]
    Approved,

    /// <summary>Rejected by a person; final.</summary>
    [JsonStringEnumMemberName("rejected")]
    Rejected,

    /// <summary>Written to its target (skill, memory or profile); final.</summary>
    [JsonStringEnumMemberName("applied")]
    Applied,

    /// <summary>Approved, but applying it failed (<see cref="LearningCandidate.Error"/> says why); it can be applied again, edited (back to pending) or rejected.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,
}
