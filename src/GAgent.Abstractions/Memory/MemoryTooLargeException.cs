namespace GAgent.Memory;

/// <summary>A memory document would exceed the store's size cap.</summary>
public sealed class MemoryTooLargeException : GAgentException
{
    /// <summary>Creates the exception.</summary>
    public MemoryTooLargeException(string scope, int length, int maxLength)
        : base($"The memory of '{scope}' would be {length} characters long; at most {maxLength} are allowed (GAgent:Memory:MaxDocumentChars). Shorten or reorganise it.", "memory_too_large")
    {
        Scope = scope;
        Length = length;
        MaxLength = maxLength;
    }

    /// <summary>The scope.</summary>
    public string Scope { get; }

    /// <summary>The length the document would have had.</summary>
    public int Length { get; }

    /// <summary>The cap.</summary>
    public int MaxLength { get; }
}
