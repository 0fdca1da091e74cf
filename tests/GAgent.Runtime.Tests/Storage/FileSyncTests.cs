using GAgent.Storage;
using Microsoft.Win32.SafeHandles;

namespace GAgent.Runtime.Tests.Storage;

public sealed class FileSyncTests : IDisposable
{
    private const string ThreadName = "test fsync";
    private readonly string _root = Path.Join(Path.GetTempPath(), "gagent-tests", Guid.NewGuid().ToString("N"));

    public FileSyncTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private SafeFileHandle Open(string name)
    {
        var handle = File.OpenHandle(Path.Join(_root, name), FileMode.Create, FileAccess.ReadWrite);
        RandomAccess.Write(handle, "content\n"u8, 0);
        return handle;
    }

    [Fact]
    public async Task Threads_start_only_when_flushes_are_queued_and_never_exceed_the_maximum()
    {
        using var sync = new FileSync(3, ThreadName);
        Assert.Equal(0, sync.StartedThreads);

        using (var one = Open("one"))
        {
            await sync.FlushAsync(one);
        }

        Assert.Equal(1, sync.StartedThreads);

        var handles = Enumerable.Range(0, 40).Select(i => Open($"f{i}")).ToArray();
        try
        {
            await Task.WhenAll(handles.Select(sync.FlushAsync));
            Assert.InRange(sync.StartedThreads, 1, 3);
        }
        finally
        {
            Array.ForEach(handles, static h => h.Dispose());
        }
    }

    [Fact]
    public async Task Continuations_run_on_the_thread_pool_not_on_an_fsync_thread()
    {
        using var sync = new FileSync(1, ThreadName);
        using var handle = Open("f");

        // A continuation that asks to run synchronously would run on the completing thread if the task allowed it. (When
        // the fsync is done before the continuation is attached, it runs on the test's thread instead; either way not on
        // an fsync thread, and the task's options say why.)
        var flush = sync.FlushAsync(handle);
        var thread = await flush.ContinueWith(
            static _ => Thread.CurrentThread.Name,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        Assert.True(flush.CreationOptions.HasFlag(TaskCreationOptions.RunContinuationsAsynchronously));
        Assert.DoesNotContain(ThreadName, thread ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_fsync_faults_its_task_and_the_thread_goes_on()
    {
        using var sync = new FileSync(1, ThreadName);
        var closed = Open("closed");
        closed.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => sync.FlushAsync(closed));

        using var open = Open("open");
        await sync.FlushAsync(open);
        Assert.Equal(1, sync.StartedThreads);
    }

    [Fact]
    public async Task After_dispose_a_flush_runs_on_the_calling_thread()
    {
        var sync = new FileSync(2, ThreadName);
        using var handle = Open("f");
        await sync.FlushAsync(handle);
        sync.Dispose();

        var task = sync.FlushAsync(handle);

        Assert.True(task.IsCompletedSuccessfully);
        await task;
    }
}
