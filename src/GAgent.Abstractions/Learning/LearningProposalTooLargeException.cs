namespace GAgent.Learning;

/// <summary>A proposed text is longer than its target accepts (a SKILL.md over the skill cap, a memory entry over the entry cap).</summary>
public sealed class LearningProposalTooLargeException : GAgentException
{
    /// <summary>Creates the exception.</summary>
    public LearningProposalTooLargeException(string member, int length, int maxLength, string limitName)
        : base($"'{member}' is {length} characters long; at most {maxLength} are allowed ({limitName}). Shorten it.", "learning_proposal_too_large")
    {
        Member = member;
        Length = length;
        MaxLength = maxLength;
    }

    /// <summary>The member that is too long, as a JSON path (for example <c>skill.content</c>).</summary>
    public string Member { get; }

    /// <summary>Its length.</summary>
    public int Length { get; }

    /// <summary>The cap.</summary>
    public int MaxLength { get; }
}
