using System.Threading.Tasks.Sources;

namespace GAgent.Agent;

/// <summary>
/// A reader's reusable wake-up signal: waiting for the next event allocates nothing, which matters because a reader
/// that keeps up with the model waits once per token. Exactly one of "signalled" and "cancelled" completes each wait.
/// </summary>
internal sealed class JournalWaiter : IValueTaskSource, IDisposable
{
    private const int Idle = 0;
    private const int Waiting = 1;
    private ManualResetValueTaskSourceCore<bool> _core = new() { RunContinuationsAsynchronously = true };
    private readonly CancellationTokenRegistration _registration;
    private readonly CancellationToken _cancellationToken;
    private int _state;

    public JournalWaiter(CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
        if (cancellationToken.CanBeCanceled)
        {
            _registration = cancellationToken.UnsafeRegister(static state => ((JournalWaiter)state!).Cancel(), this);
        }
    }

    /// <summary>Arms the waiter; call under the journal's lock before registering it, then await <see cref="WaitAsync"/>.</summary>
    public void Arm()
    {
        _core.Reset();
        Volatile.Write(ref _state, Waiting);
        if (_cancellationToken.IsCancellationRequested)
        {
            Cancel();
        }
    }

    public ValueTask WaitAsync() => new(this, _core.Version);

    /// <summary>Wakes the reader if it is waiting.</summary>
    public void Signal()
    {
        if (Interlocked.CompareExchange(ref _state, Idle, Waiting) == Waiting)
        {
            _core.SetResult(true);
        }
    }

    public void Dispose() => _registration.Dispose();

    void IValueTaskSource.GetResult(short token) => _core.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        => _core.OnCompleted(continuation, state, token, flags);

    private void Cancel()
    {
        if (Interlocked.CompareExchange(ref _state, Idle, Waiting) == Waiting)
        {
            _core.SetException(new OperationCanceledException(_cancellationToken));
        }
    }
}
