using System.Text.Json.Serialization;

namespace GAgent.Learning;

/// <summary>What a learning candidate would change when applied.</summary>
public enum LearningCandidateKind
{
    /// <summary>Creates or replaces a skill's SKILL.md (<see cref="LearningCandidate.Skill"/>).</summary>
    [JsonStringEnumMemberName("skill")]
    Skill,

    /// <summary>Appends an entry to a profile's memory (<see cref="LearningCandidate.Memory"/>).</summary>
    [JsonStringEnumMemberName("memory")]
    Memory,

    /// <summary>Changes members of a profile (<see cref="LearningCandidate.Profile"/>).</summary>
    [JsonStringEnumMemberName("profile")]
    Profile,
}
