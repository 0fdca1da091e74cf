namespace GAgent.Routines;

/// <summary>What a routine does and when: the part of a <see cref="Routine"/> its owner edits.</summary>
public sealed record RoutineDefinition
{
    /// <summary>A display name (1 to 200 characters).</summary>
    public required string Name { get; init; }

    /// <summary>The prompt sent as a user message on every run.</summary>
    public required string Prompt { get; init; }

    /// <summary>When it runs.</summary>
    public required RoutineSchedule Schedule { get; init; }

    /// <summary>Where the prompt goes.</summary>
    public required RoutineTarget Target { get; init; }

    /// <summary>The model (or profile) to use; null uses the session's or the default one.</summary>
    public string? ModelId { get; init; }

    /// <summary>False keeps the schedule from firing; runs can still be started by hand.</summary>
    public bool Enabled { get; init; } = true;
}
