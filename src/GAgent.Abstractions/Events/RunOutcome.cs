namespace GAgent.Events;

/// <summary>How a run that did not fail ended.</summary>
public enum RunOutcome
{
    /// <summary>The agent produced its final answer.</summary>
    Success,

    /// <summary>The run paused and needs input (an approval) to continue.</summary>
    Interrupt,
}
