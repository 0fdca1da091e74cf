namespace GAgent.Learning;

/// <summary>
/// Something the agent (or a person through the API) proposes to learn: a new or changed skill, a memory entry or a
/// profile change. Nothing is changed until a person approves the candidate and it is applied. Exactly one of
/// <see cref="Skill"/>, <see cref="Memory"/> and <see cref="Profile"/> is set, the one <see cref="Kind"/> names.
/// </summary>
public sealed record LearningCandidate
{
    /// <summary>The most characters of <see cref="Title"/>.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>The most characters of <see cref="Reason"/>, <see cref="Note"/> and <see cref="Error"/>.</summary>
    public const int MaxTextLength = 4_000;

    /// <summary>The id (see <see cref="LearningIds"/>).</summary>
    public required string Id { get; init; }

    /// <summary>What the candidate changes.</summary>
    public required LearningCandidateKind Kind { get; init; }

    /// <summary>A short title for lists.</summary>
    public required string Title { get; init; }

    /// <summary>Why it is proposed: what was learned and when it helps.</summary>
    public string? Reason { get; init; }

    /// <summary>The proposed skill, when <see cref="Kind"/> is <see cref="LearningCandidateKind.Skill"/>.</summary>
    public SkillProposal? Skill { get; init; }

    /// <summary>The proposed memory entry, when <see cref="Kind"/> is <see cref="LearningCandidateKind.Memory"/>.</summary>
    public MemoryProposal? Memory { get; init; }

    /// <summary>The proposed profile change, when <see cref="Kind"/> is <see cref="LearningCandidateKind.Profile"/>.</summary>
    public ProfileProposal? Profile { get; init; }

    /// <summary>Who proposed it, and from which session and run.</summary>
    public LearningSource Source { get; init; } = new();

    /// <summary>Where the candidate is in review.</summary>
    public LearningCandidateStatus Status { get; init; }

    /// <summary>The reviewer's note (on approval) or reason (on rejection).</summary>
    public string? Note { get; init; }

    /// <summary>Why applying failed, while the candidate is <see cref="LearningCandidateStatus.Failed"/>.</summary>
    public string? Error { get; init; }

    /// <summary>When it was proposed.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When it was approved or rejected.</summary>
    public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>When it was applied.</summary>
    public DateTimeOffset? AppliedAt { get; init; }

    /// <summary>Increases with every stored change (1 when proposed); used for compare-and-set updates.</summary>
    public long Version { get; init; }
}
