namespace GAgent.LoadTest;

/// <summary>One simulated client: sends one request (or run) at a time, as a real client does.</summary>
internal interface ILoadWorker : IAsyncDisposable
{
    /// <summary>Sends one request and reads the whole answer; returns when the first token arrived (ms after the start), or -1 when the answer had none. Throws when it failed.</summary>
    Task<double> RunOnceAsync(byte[] token, byte[] buffer);
}
