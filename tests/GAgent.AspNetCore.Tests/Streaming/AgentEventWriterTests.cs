using System.Buffers;
using System.Text;
using GAgent.AspNetCore.Streaming;
using GAgent.Events;

namespace GAgent.AspNetCore.Tests.Streaming;

/// <summary>The per-token events copied from cut frames must be exactly the events written in full.</summary>
public sealed class AgentEventWriterTests
{
    private static readonly string[] Texts = ["hello ", "", "a \"quoted\" back\\slash", "line\nbreak", "café 漢字 👋", "\u2028<b>&amp;</b>"];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_delta_of_every_message_run_and_session_is_the_event_written_in_full(bool includeSessionId)
    {
        using var writer = new AgentEventWriter(includeSessionId);
        var events = new List<AgentEvent>();
        var sequence = 0L;
        var at = DateTimeOffset.UnixEpoch;
        foreach (var (session, run, message) in new[] { ("s1", "run_1", "msg_1"), ("s1", "run_1", "msg_2"), ("s1", "run_2", "msg_2"), ("s\"2", "run_3", "msg_\u00e9"), ("s1", "run_1", "msg_1") })
        {
            events.Add(new TextMessageStartEvent { SessionId = session, RunId = run, Sequence = ++sequence, Timestamp = at, MessageId = message });
            foreach (var text in Texts)
            {
                at = at.AddMilliseconds(997);
                events.Add(new TextMessageContentEvent { SessionId = session, RunId = run, Sequence = ++sequence, Timestamp = at, MessageId = message, Delta = text });
                events.Add(new ReasoningMessageContentEvent { SessionId = session, RunId = run, Sequence = ++sequence, Timestamp = at, MessageId = message, Delta = text });
            }

            sequence *= 1000;
        }

        events.Add(new TextMessageContentEvent { SessionId = "s1", RunId = "run_1", Sequence = long.MaxValue, Timestamp = DateTimeOffset.MaxValue, MessageId = "msg_1", Delta = "end" });
        events.Add(new TextMessageContentEvent { SessionId = "s1", RunId = "run_1", Sequence = 1, Timestamp = DateTimeOffset.MinValue, MessageId = "msg_1", Delta = "before the epoch" });

        foreach (var agentEvent in events)
        {
            var actual = new ArrayBufferWriter<byte>();
            writer.Write(actual, agentEvent);

            Assert.Equal(InFull(agentEvent, includeSessionId), Encoding.UTF8.GetString(actual.WrittenSpan));
        }
    }

    private static string InFull(AgentEvent agentEvent, bool includeSessionId)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using var json = new PooledJsonWriter();
        var writer = json.Rent(buffer);
        AgentEventJson.Write(writer, agentEvent, includeSessionId);
        writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
