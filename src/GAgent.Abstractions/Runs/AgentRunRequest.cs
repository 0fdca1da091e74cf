using Microsoft.Extensions.AI;

namespace GAgent.Runs;

/// <summary>Everything needed to start one agent turn (a run).</summary>
public sealed record AgentRunRequest
{
    /// <summary>
    /// The session to run in. Its history is loaded as context and every message of the turn is persisted to it.
    /// When null the run is ephemeral (stateless, as OpenAI chat completions are): <see cref="Messages"/> is the whole
    /// context and nothing is stored.
    /// </summary>
    public string? SessionId { get; init; }

    /// <summary>
    /// The new input messages (usually one user message). For an ephemeral run, the full conversation. Empty only for a
    /// continuation (<see cref="ResumeFromRunId"/>).
    /// </summary>
    public required IReadOnlyList<ChatMessage> Messages { get; init; }

    /// <summary>
    /// The model to use, or a profile as <c>profile:{id}</c> (see <see cref="GAgent.Profiles.ProfileModelIds"/>); null
    /// selects the profile's model, else the configured default.
    /// </summary>
    public string? ModelId { get; init; }

    /// <summary>
    /// The profile to run with (persona, tools, memory); null uses the session's profile, else the globally active one.
    /// </summary>
    public string? ProfileId { get; init; }

    /// <summary>
    /// Tools declared by the client (for example an OpenAI request's <c>tools</c>). The model may call them, but the
    /// server never runs them: the run ends with the calls so the client can run them, as OpenAI does.
    /// </summary>
    public IReadOnlyList<AIFunctionDeclaration> ClientTools { get; init; } = [];

    /// <summary>Sampling and tool-choice options for the model calls (temperature, max tokens, stop, ...). Tools set here are ignored.</summary>
    public ChatOptions? ChatOptions { get; init; }

    /// <summary>Extra system instructions for this run only, added after the agent's own instructions.</summary>
    public string? Instructions { get; init; }

    /// <summary>
    /// Continues a run of the same session that ended with approval interrupts (<c>RUN_FINISHED</c> outcome
    /// <c>interrupt</c>) once all of its approvals are decided: the approved tool calls run, denied and expired ones get
    /// an error result, and then the model loop goes on. Null for an ordinary run. Needs <see cref="SessionId"/>.
    /// </summary>
    public string? ResumeFromRunId { get; init; }

    /// <summary>
    /// How the caller will read the run's events. <see cref="RunEventDelivery.EveryDelta"/> (the default) keeps every
    /// text delta its own event from the start, so a streaming reader that attaches a moment after the run begins misses
    /// no split; <see cref="RunEventDelivery.MergedDeltas"/> suits a caller that only needs the result, and lets the run
    /// merge deltas while nobody follows it live.
    /// </summary>
    public RunEventDelivery Delivery { get; init; } = RunEventDelivery.EveryDelta;

    /// <summary>
    /// Asks the model for each reply whole instead of as a token stream: for a caller that wants only the run's result
    /// (a non-streamed OpenAI request), as a gateway forwards such a request. The run's events are the same, but each
    /// message's text arrives as one delta once the model has finished it, so a live reader sees no tokens, and the
    /// model's whole reply must arrive within the provider's network timeout. Such a run's loop also starts on the
    /// caller's thread, which waits for the result anyway, and runs there until it first waits (for the model, the
    /// store). False (the default) streams from the model and starts the loop on the thread pool.
    /// </summary>
    public bool WholeModelReplies { get; init; }
}
