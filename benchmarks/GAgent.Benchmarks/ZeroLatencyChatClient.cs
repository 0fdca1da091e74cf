using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace GAgent.Benchmarks;

/// <summary>A model that answers instantly with a fixed number of fixed-size tokens: what remains is the gateway's cost.</summary>
internal sealed class ZeroLatencyChatClient(int tokens, int tokenSize) : IChatClient
{
    private readonly string _token = new string('x', Math.Max(1, tokenSize - 1)) + " ";

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken).ConfigureAwait(false);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        for (var i = 0; i < tokens; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ChatResponseUpdate(ChatRole.Assistant, _token);
        }

        yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(new UsageDetails { InputTokenCount = 10, OutputTokenCount = tokens, TotalTokenCount = tokens + 10 })]) { FinishReason = ChatFinishReason.Stop };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
