namespace GAgent.AspNetCore.Api.Wire;

/// <summary>Body of <c>POST /api/routines</c>, <c>PUT</c> and <c>PATCH /api/routines/{id}</c>; for PATCH absent members stay unchanged.</summary>
internal sealed class RoutineRequest
{
    /// <summary>The id (POST only; generated when absent).</summary>
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Prompt { get; set; }

    public RoutineScheduleRequest? Schedule { get; set; }

    public RoutineTargetRequest? Target { get; set; }

    /// <summary>Model (or profile); an empty string clears it on PATCH.</summary>
    public string? Model { get; set; }

    public bool? Enabled { get; set; }
}
