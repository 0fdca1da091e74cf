using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace GAgent.LoadTest;

/// <summary>
/// A model that answers instantly with a fixed number of fixed-size tokens: what remains is the gateway's cost.
/// The updates (and the same reply whole, for non-streamed calls) are built once and replayed to every request (the
/// agent loop only reads them), so the model's own allocations, which a real provider makes on its side of the wire,
/// are not counted against the gateway.
/// </summary>
internal sealed class ZeroLatencyChatClient : IChatClient
{
    private readonly ChatResponseUpdate[] _updates;
    private readonly ChatResponse _response;

    public ZeroLatencyChatClient(int tokens, int tokenSize)
    {
        var token = new string('x', Math.Max(1, tokenSize - 1)) + " ";
        _updates = new ChatResponseUpdate[tokens + 1];
        for (var i = 0; i < tokens; i++)
        {
            _updates[i] = new ChatResponseUpdate(ChatRole.Assistant, token);
        }

        var usage = new UsageDetails { InputTokenCount = 10, OutputTokenCount = tokens, TotalTokenCount = tokens + 10 };
        _updates[tokens] = new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(usage)]) { FinishReason = ChatFinishReason.Stop };

        // The same reply whole, for callers that do not stream: what a provider's non-streamed answer holds.
        _response = new ChatResponse(new ChatMessage(ChatRole.Assistant, string.Concat(Enumerable.Repeat(token, tokens))))
        {
            FinishReason = ChatFinishReason.Stop,
            Usage = usage,
        };
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_response);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        foreach (var update in _updates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
