using System.Buffers;
using BenchmarkDotNet.Attributes;
using GAgent.AspNetCore.OpenAI;
using GAgent.AspNetCore.OpenAI.Responses;
using GAgent.AspNetCore.OpenAI.Responses.Wire;
using GAgent.AspNetCore.Streaming;
using GAgent.Events;

namespace GAgent.Benchmarks;

/// <summary>
/// Per-token cost of turning one text delta event into wire bytes, for each projection: the SSE ones write a whole
/// framed event, the WebSocket one the message's payload.
/// </summary>
[MemoryDiagnoser]
public class ProjectionBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly SseEventWriter _events = new(4096);
    private readonly AgentEventWriter _socket = new(includeSessionId: true);
    private TextMessageContentEvent _event = null!;
    private ChatCompletionStream _chat = null!;
    private NativeEventStream _native = null!;
    private ResponseEventFormatter _responses = null!;
    private ResponseStreamEvent _responseDelta = null!;

    [GlobalSetup]
    public void Setup()
    {
        _event = new TextMessageContentEvent { RunId = "run_0198f3a2c4b07c1e9f0a1b2c3d4e5f60", SessionId = "0198f3a2c4b07c1e9f0a1b2c3d4e5f61", Sequence = 42, Timestamp = DateTimeOffset.UtcNow, MessageId = "msg_0198f3a2c4b07c1e9f0a1b2c3d4e5f62", Delta = "hello " };
        _chat = new ChatCompletionStream(run: null!, "chatcmpl-0198f3a2c4b07c1e9f0a1b2c3d4e5f60", 1_795_000_000, "gpt-4o-mini", includeUsage: true);
        _native = new NativeEventStream(run: null!, 0);
        _responses = new ResponseEventFormatter();
        _responseDelta = new ResponseStreamEvent { Type = ResponseProjector.TextDeltaType, SequenceNumber = 42, OutputIndex = 0, ItemId = _event.MessageId, ContentIndex = 0, Delta = _event.Delta, Logprobs = [] };
    }

    [Benchmark(Description = "OpenAI chat.completion.chunk")]
    public int ChatChunk()
    {
        _events.Clear();
        _chat.Write(_event, _events);
        return _events.WrittenCount;
    }

    [Benchmark(Description = "AG-UI TEXT_MESSAGE_CONTENT")]
    public int AgUiEvent()
    {
        _events.Clear();
        _native.Write(_event, _events);
        return _events.WrittenCount;
    }

    [Benchmark(Description = "OpenAI Responses response.output_text.delta")]
    public int ResponsesEvent()
    {
        _events.Clear();
        // The projector refills one event per token; so does this, with the next sequence number.
        _responseDelta.SequenceNumber++;
        _responses.Write(_responseDelta, _events);
        return _events.WrittenCount;
    }

    [Benchmark(Description = "WebSocket event message")]
    public int WebSocketFrame()
    {
        _buffer.ResetWrittenCount();
        _socket.Write(_buffer, _event);
        return _buffer.WrittenCount;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _chat.Dispose();
        _responses.Dispose();
        _native.Dispose();
        _socket.Dispose();
        _events.Dispose();
    }
}
