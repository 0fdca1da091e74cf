using System.Text.Json;

namespace GAgent.Events;

/// <summary>AG-UI <c>CUSTOM</c>: an application event. GAgent's own names start with <c>gagent.</c> (see <see cref="GAgentEventNames"/>).</summary>
public sealed record CustomEvent : AgentEvent
{
    /// <summary>Event name, e.g. <c>gagent.usage</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Event payload as JSON.</summary>
    public JsonElement Value { get; init; }

    /// <inheritdoc />
    public override string Type => AgentEventTypes.Custom;
}
