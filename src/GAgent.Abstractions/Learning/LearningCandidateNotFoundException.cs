namespace GAgent.Learning;

/// <summary>The learning candidate does not exist.</summary>
public sealed class LearningCandidateNotFoundException : GAgentException
{
    /// <summary>Creates the exception.</summary>
    public LearningCandidateNotFoundException(string candidateId)
        : base($"The learning candidate '{candidateId}' does not exist. GET /api/learning lists the candidates.", "learning_candidate_not_found") => CandidateId = candidateId;

    /// <summary>The id that was not found.</summary>
    public string CandidateId { get; }
}
