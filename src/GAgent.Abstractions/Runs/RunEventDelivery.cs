namespace GAgent.Runs;

/// <summary>How a reader of a run's events wants the text and reasoning the model streams.</summary>
public enum RunEventDelivery
{
    /// <summary>Every delta as its own event, as soon as the model produces it: what streaming clients show.</summary>
    EveryDelta,

    /// <summary>
    /// For readers that need the run's result rather than each token (a non-streamed response, a transcript): while no
    /// <see cref="EveryDelta"/> reader follows the run, the consecutive deltas of one message are kept together and
    /// reach the journal as one event when anything else happens. The text is the same; there are fewer events.
    /// </summary>
    MergedDeltas,
}
