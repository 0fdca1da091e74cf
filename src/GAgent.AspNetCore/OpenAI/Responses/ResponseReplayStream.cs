using System.Runtime.CompilerServices;
using GAgent.AspNetCore.OpenAI.Responses.Wire;
using GAgent.AspNetCore.Streaming;

namespace GAgent.AspNetCore.OpenAI.Responses;

/// <summary>
/// A finished stored response streamed again, as <see cref="ResponseProjector.Replay"/> rebuilds its events (each text
/// in one delta), from the event after <paramref name="startingAfter"/>.
/// </summary>
internal sealed class ResponseReplayStream(ResponseObject stored, long startingAfter) : ISseProjection<ResponseStreamEvent>, IDisposable
{
    private readonly ResponseEventFormatter _formatter = new();

    public async IAsyncEnumerable<ReadOnlyMemory<ResponseStreamEvent>> ReadBatchesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        yield return ResponseProjector.Replay(stored).Where(e => e.SequenceNumber > startingAfter).ToArray();
    }

    public void Write(ResponseStreamEvent item, SseEventWriter events) => _formatter.Write(item, events);

    public void Dispose() => _formatter.Dispose();
}
