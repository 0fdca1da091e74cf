using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace GAgent.Runtime.Tests.Agent;

/// <summary>
/// An <see cref="IChatClient"/> whose streamed responses are scripted per call, in order. It records every call's
/// messages (as a snapshot) and options, and a response can wait on a gate while honouring cancellation.
/// </summary>
internal sealed class ScriptedChatClient : IChatClient
{
    private readonly Lock _gate = new();
    private readonly Queue<Func<RecordedChatCall, CancellationToken, IAsyncEnumerable<ChatResponseUpdate>>> _script = new();
    private readonly List<RecordedChatCall> _calls = [];

    /// <summary>Used when the script is exhausted; by default a call beyond the script fails the test loudly.</summary>
    public Func<RecordedChatCall, IEnumerable<ChatResponseUpdate>>? Otherwise { get; set; }

    public IReadOnlyList<RecordedChatCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public ScriptedChatClient Enqueue(params ChatResponseUpdate[] updates)
        => Enqueue(call => updates);

    public ScriptedChatClient Enqueue(Func<RecordedChatCall, IEnumerable<ChatResponseUpdate>> respond)
    {
        ArgumentNullException.ThrowIfNull(respond);
        return Enqueue((call, _) => ToAsync(respond(call)));
    }

    public ScriptedChatClient Enqueue(Func<RecordedChatCall, CancellationToken, IAsyncEnumerable<ChatResponseUpdate>> respond)
    {
        lock (_gate)
        {
            _script.Enqueue(respond);
        }

        return this;
    }

    /// <summary>
    /// Streams <paramref name="before"/>, reports that it got there, waits for <paramref name="gate"/> (cancellable by the
    /// caller's token), then streams <paramref name="after"/>.
    /// </summary>
    /// <returns>Completes when the response has streamed <paramref name="before"/> and is waiting on the gate.</returns>
    public Task EnqueueGated(IReadOnlyList<ChatResponseUpdate> before, Task gate, IReadOnlyList<ChatResponseUpdate> after)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue((_, token) => Gated(before, gate, after, reached, token));
        return reached.Task;
    }

    /// <summary>Makes the next call throw <paramref name="exception"/> when the stream is first read.</summary>
    public ScriptedChatClient EnqueueFailure(Exception exception)
        => Enqueue((_, token) => Throwing(exception));

    /// <summary>The next scripted reply, whole: what its updates add up to, as a provider's non-streamed answer.</summary>
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => Play(new RecordedChatCall([.. messages.Select(Copy)], options?.Clone(), Streamed: false), cancellationToken).ToChatResponseAsync(cancellationToken);

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => Play(new RecordedChatCall([.. messages.Select(Copy)], options?.Clone()), cancellationToken);

    private async IAsyncEnumerable<ChatResponseUpdate> Play(RecordedChatCall call, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Func<RecordedChatCall, CancellationToken, IAsyncEnumerable<ChatResponseUpdate>>? respond;
        lock (_gate)
        {
            _calls.Add(call);
            _script.TryDequeue(out respond);
        }

        if (respond is null)
        {
            var otherwise = Otherwise ?? throw new InvalidOperationException($"The scripted model was called {_calls.Count} times, more often than scripted.");
            respond = (c, _) => ToAsync(otherwise(c));
        }

        await foreach (var update in respond(call, cancellationToken).WithCancellation(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    private static ChatMessage Copy(ChatMessage message)
        => new(message.Role, [.. message.Contents]) { MessageId = message.MessageId, AuthorName = message.AuthorName };

    private static async IAsyncEnumerable<ChatResponseUpdate> ToAsync(IEnumerable<ChatResponseUpdate> updates)
    {
        foreach (var update in updates)
        {
            await Task.Yield();
            yield return update;
        }
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> Gated(IReadOnlyList<ChatResponseUpdate> before, Task gate, IReadOnlyList<ChatResponseUpdate> after, TaskCompletionSource reached, [EnumeratorCancellation] CancellationToken token)
    {
        foreach (var update in before)
        {
            yield return update;
        }

        reached.TrySetResult();
        await gate.WaitAsync(token);
        foreach (var update in after)
        {
            yield return update;
        }
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> Throwing(Exception exception)
    {
        await Task.Yield();
        if (exception is not null)
        {
            throw exception;
        }

        yield break;
    }
}
