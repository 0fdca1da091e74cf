using System.Text.Json;

namespace GAgent.Events;

/// <summary>
/// A change of GAgent's state outside any run's journal (a session renamed, an approval resolved, a profile edited,
/// a routine ran). Live surfaces forward it as an AG-UI <c>CUSTOM</c> event named <see cref="Name"/>.
/// </summary>
public sealed record GAgentNotification
{
    /// <summary>Event name, a <c>gagent.*</c> constant of <see cref="GAgentEventNames"/>.</summary>
    public required string Name { get; init; }

    /// <summary>Event payload as JSON (camelCase, the shape the REST API returns for the same object).</summary>
    public JsonElement Value { get; init; }

    /// <summary>
    /// The session the change belongs to; live surfaces deliver it only to clients following that session.
    /// Null means global state (profiles, routines, channels): every client receives it.
    /// </summary>
    public string? SessionId { get; init; }

    /// <summary>When the change happened.</summary>
    public required DateTimeOffset Timestamp { get; init; }
}
