namespace GAgent.Agent;

/// <summary>The two kinds of streamed fragments the journal can merge.</summary>
internal enum RunDeltaKind
{
    Text,
    Reasoning,
}
