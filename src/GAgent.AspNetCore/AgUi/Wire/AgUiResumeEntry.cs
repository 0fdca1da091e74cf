using System.Text.Json;

namespace GAgent.AspNetCore.AgUi.Wire;

/// <summary>AG-UI <c>ResumeEntry</c>: the answer to one interrupt of the previous run.</summary>
internal sealed class AgUiResumeEntry
{
    /// <summary>The interrupt answered: for approvals, the approval id.</summary>
    public string? InterruptId { get; set; }

    /// <summary><c>resolved</c> (the payload decides) or <c>cancelled</c> (a denial).</summary>
    public string? Status { get; set; }

    /// <summary>For approvals: <c>{"decision": "approve"|"deny", "scope"?: "once"|"session"|"always", "reason"?: "..."}</c>.</summary>
    public JsonElement? Payload { get; set; }
}
