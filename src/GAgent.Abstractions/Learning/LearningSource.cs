namespace GAgent.Learning;

/// <summary>Where a candidate came from: who proposed it and, for the agent, the session and run it was proposed in.</summary>
public sealed record LearningSource
{
    /// <summary>Who proposed the candidate.</summary>
    public LearningProposer ProposedBy { get; init; }

    /// <summary>The session the proposing run belonged to; null when proposed through the API or by a run without a stored session.</summary>
    public string? SessionId { get; init; }

    /// <summary>The run that proposed it; null when proposed through the API.</summary>
    public string? RunId { get; init; }
}
