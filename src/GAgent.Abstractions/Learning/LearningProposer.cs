using System.Text.Json.Serialization;

namespace GAgent.Learning;

/// <summary>Who proposed a candidate.</summary>
public enum LearningProposer
{
    /// <summary>The agent, through its built-in <c>propose_learning</c> tool during a run.</summary>
    [JsonStringEnumMemberName("agent")]
    Agent,

    /// <summary>A person or program through the control API.</summary>
    [JsonStringEnumMemberName("api")]
    Api,
}
