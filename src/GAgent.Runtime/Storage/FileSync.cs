using Microsoft.Win32.SafeHandles;

namespace GAgent.Storage;

/// <summary>
/// Runs fsyncs (<see cref="RandomAccess.FlushToDisk"/>) on a few dedicated background threads fed by a queue, so callers
/// await them instead of blocking thread-pool threads, and many files' fsyncs are in flight at once (file systems such as
/// ext4 commit concurrent fsyncs together in one journal write). Threads start on demand, up to
/// <see cref="MaxThreads"/>, end after half a minute without work, and stop when the instance is disposed, after
/// finishing what was queued. After disposal an
/// fsync runs on the calling thread, so a late caller still gets a durable file.
/// </summary>
internal sealed class FileSync : IDisposable
{
    /// <summary>The default thread count: enough concurrent fsyncs for the file system to batch them on a small machine.</summary>
    public const int DefaultThreads = 8;

    /// <summary>How long a thread waits for work before it ends.</summary>
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(30);

    private readonly Queue<(SafeFileHandle Handle, TaskCompletionSource Done)> _queue = new();
    private readonly object _sync = new();
    private readonly string _name;
    private int _threads;
    private int _idle;
    private bool _stopped;

    /// <summary>Creates an idle instance; no thread starts before the first <see cref="FlushAsync"/>.</summary>
    /// <param name="maxThreads">How many fsyncs may run at once.</param>
    /// <param name="name">Names the threads, for debuggers and dumps.</param>
    public FileSync(int maxThreads = DefaultThreads, string name = "GAgent fsync")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxThreads, 1);
        MaxThreads = maxThreads;
        _name = name;
    }

    public int MaxThreads { get; }

    /// <summary>Threads started so far (they are only started when no started one is idle).</summary>
    public int StartedThreads
    {
        get
        {
            lock (_sync)
            {
                return _threads;
            }
        }
    }

    /// <summary>
    /// Flushes the file's data and metadata to disk. The caller must keep <paramref name="handle"/> open until the task
    /// completes; continuations run on the thread pool, never on an fsync thread.
    /// </summary>
    public Task FlushAsync(SafeFileHandle handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_sync)
        {
            if (!_stopped)
            {
                _queue.Enqueue((handle, done));
                // Waiting threads still count as idle until they run, so compare them with everything queued.
                if (_idle < _queue.Count && _threads < MaxThreads)
                {
                    StartThread();
                }
                else
                {
                    Monitor.Pulse(_sync);
                }

                return done.Task;
            }
        }

        Run(handle, done);
        return done.Task;
    }

    /// <summary>Stops the threads once the queue is drained; later flushes run on the calling thread.</summary>
    public void Dispose()
    {
        lock (_sync)
        {
            _stopped = true;
            Monitor.PulseAll(_sync);
        }
    }

    private void StartThread()
    {
        _threads++;
        var thread = new Thread(Work) { IsBackground = true, Name = $"{_name} {_threads}" };
        thread.UnsafeStart();
    }

    private void Work()
    {
        while (true)
        {
            (SafeFileHandle Handle, TaskCompletionSource Done) item;
            lock (_sync)
            {
                while (_queue.Count == 0)
                {
                    if (_stopped)
                    {
                        _threads--;
                        return;
                    }

                    _idle++;
                    var pulsed = Monitor.Wait(_sync, IdleTimeout);
                    _idle--;
                    if (!pulsed && _queue.Count == 0)
                    {
                        // Idle for a while: retire; the next flush starts a thread again.
                        _threads--;
                        return;
                    }
                }

                item = _queue.Dequeue();
            }

            Run(item.Handle, item.Done);
        }
    }

    private static void Run(SafeFileHandle handle, TaskCompletionSource done)
    {
        try
        {
            RandomAccess.FlushToDisk(handle);
            done.SetResult();
        }
        catch (Exception ex)
        {
            done.SetException(ex);
        }
    }
}
