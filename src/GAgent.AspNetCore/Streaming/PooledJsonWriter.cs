using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GAgent.AspNetCore.Streaming;

/// <summary>One reusable <see cref="Utf8JsonWriter"/> per stream, re-pointed at each SSE item's buffer.</summary>
internal sealed class PooledJsonWriter : IDisposable
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
    private readonly Utf8JsonWriter _writer = new(Stream.Null, Options);

    public Utf8JsonWriter Rent(IBufferWriter<byte> buffer)
    {
        _writer.Reset(buffer);
        return _writer;
    }

    public void Dispose() => _writer.Dispose();
}
