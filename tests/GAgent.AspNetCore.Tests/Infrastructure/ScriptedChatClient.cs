using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace GAgent.AspNetCore.Tests.Infrastructure;

/// <summary>A model whose streamed answers are scripted per call; records what it was sent.</summary>
public sealed class ScriptedChatClient(Func<IReadOnlyList<ChatMessage>, ChatOptions?, CancellationToken, IAsyncEnumerable<ChatResponseUpdate>> script) : IChatClient
{
    private int _wholeReplies;

    public List<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)> Calls { get; } = [];

    /// <summary>How many of <see cref="Calls"/> asked for the reply whole (non-streamed) rather than as a stream.</summary>
    public int WholeReplies => Volatile.Read(ref _wholeReplies);

    /// <summary>The scripted reply, whole: what its updates add up to.</summary>
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _wholeReplies);
        return GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        lock (Calls)
        {
            Calls.Add((list, options));
        }

        return script(list, options, cancellationToken);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    /// <summary>Streams the given contents as one assistant response.</summary>
    public static async IAsyncEnumerable<ChatResponseUpdate> Respond(IEnumerable<AIContent> contents, ChatFinishReason finish, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var content in contents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, [content]) { ModelId = "scripted" };
        }

        yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(new UsageDetails { InputTokenCount = 10, OutputTokenCount = 5, TotalTokenCount = 15 })]) { FinishReason = finish };
    }

    /// <summary>
    /// Answers at once: every update is ready when asked for, so a run over it can finish before whoever started it
    /// reads it (a run asked for whole replies starts on the caller's thread).
    /// </summary>
    public static async IAsyncEnumerable<ChatResponseUpdate> Instant(IEnumerable<AIContent> contents, ChatFinishReason finish)
    {
        await Task.CompletedTask;
        foreach (var content in contents)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, [content]) { ModelId = "scripted" };
        }

        yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(new UsageDetails { InputTokenCount = 10, OutputTokenCount = 5, TotalTokenCount = 15 })]) { FinishReason = finish };
    }

    /// <summary>Streams one word, then waits for <paramref name="release"/> (or cancellation) before finishing.</summary>
    public static async IAsyncEnumerable<ChatResponseUpdate> Gated(Task release, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        yield return new ChatResponseUpdate(ChatRole.Assistant, "Working ");
        await release.WaitAsync(cancellationToken);
        yield return new ChatResponseUpdate(ChatRole.Assistant, "done.") { FinishReason = ChatFinishReason.Stop };
    }
}
