namespace GAgent.Agent;

/// <summary>
/// A text or reasoning fragment on its way into the journal: <paramref name="Text"/> is added to
/// <paramref name="Message"/>, the writer's copy of the whole message, when it is journaled.
/// </summary>
internal readonly record struct RunDelta(RunDeltaKind Kind, string MessageId, string Text, MessageText Message);
