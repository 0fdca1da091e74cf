using System.Text.Json;

namespace GAgent.AspNetCore.AgUi.Wire;

/// <summary>AG-UI <c>RunAgentInput</c>, the body of <c>POST /api/agui</c>.</summary>
internal sealed class AgUiRunInput
{
    /// <summary>The AG-UI thread: the GAgent session (created when missing).</summary>
    public string? ThreadId { get; set; }

    /// <summary>The client's run id; informational, the server assigns its own.</summary>
    public string? RunId { get; set; }

    /// <summary>The client's previous run; informational.</summary>
    public string? ParentRunId { get; set; }

    /// <summary>Shared agent state, given to the model as JSON context.</summary>
    public JsonElement? State { get; set; }

    /// <summary>The thread's messages as the client holds them.</summary>
    public List<AgUiMessage?>? Messages { get; set; }

    /// <summary>Tools the client runs itself.</summary>
    public List<AgUiTool?>? Tools { get; set; }

    /// <summary>Context items given to the model.</summary>
    public List<AgUiContextItem?>? Context { get; set; }

    /// <summary>Free-form properties; only <c>model</c> is read.</summary>
    public JsonElement? ForwardedProps { get; set; }

    /// <summary>Answers to the interrupts of the thread's previous run (tool approvals).</summary>
    public List<AgUiResumeEntry?>? Resume { get; set; }
}
