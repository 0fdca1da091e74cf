namespace GAgent.Runs;

/// <summary>A reader asked for events that have already left the run's bounded backlog.</summary>
public sealed class RunEventsExpiredException : GAgentException
{
    /// <summary>Creates the exception.</summary>
    public RunEventsExpiredException(string runId, long requestedAfter, long oldestAvailable)
        : base($"Events of run '{runId}' after sequence {requestedAfter} are no longer available; the backlog starts at {oldestAvailable}. Reload the session's messages instead of resuming.", "run_events_expired")
    {
        RunId = runId;
        RequestedAfter = requestedAfter;
        OldestAvailable = oldestAvailable;
    }

    /// <summary>The run.</summary>
    public string RunId { get; }

    /// <summary>The sequence the reader wanted to resume after.</summary>
    public long RequestedAfter { get; }

    /// <summary>The oldest sequence still in the backlog.</summary>
    public long OldestAvailable { get; }
}
