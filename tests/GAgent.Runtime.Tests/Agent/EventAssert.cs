using GAgent.Events;

namespace GAgent.Runtime.Tests.Agent;

/// <summary>Assertions over a run's ordered journal.</summary>
internal static class EventAssert
{
    public static IReadOnlyList<string> Types(IEnumerable<AgentEvent> events) => [.. events.Select(static e => e.Type)];

    /// <summary>Sequences start at 1 and grow by exactly one; every event names the run.</summary>
    public static void WellFormed(IReadOnlyList<AgentEvent> events, string runId)
    {
        Assert.NotEmpty(events);
        for (var i = 0; i < events.Count; i++)
        {
            Assert.Equal(i + 1, events[i].Sequence);
            Assert.Equal(runId, events[i].RunId);
        }
    }

    public static T Single<T>(IEnumerable<AgentEvent> events)
        where T : AgentEvent => Assert.Single(events.OfType<T>());

    /// <summary>The last event ends the run; nothing follows it.</summary>
    public static T Last<T>(IReadOnlyList<AgentEvent> events)
        where T : AgentEvent => Assert.IsType<T>(events[^1]);
}
