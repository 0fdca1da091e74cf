using System.Collections.Concurrent;

namespace GAgent.Storage;

/// <summary>
/// Keeps what a file store read for a short time, so the files read for every run (the profile, its memory, the
/// skills) are not read again and again. The store's own writes invalidate at once; files changed by hand are seen
/// once the entry is older than <see cref="Lifetime"/>. A read that raced a write never caches the older value.
/// </summary>
internal sealed class FileReadCache<TValue>(TimeProvider time)
{
    /// <summary>How long a read is trusted without looking at the file again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, (TValue Value, DateTimeOffset LoadedAt)> _entries = new(StringComparer.Ordinal);
    private long _generation;

    public async ValueTask<TValue> GetOrLoadAsync(string key, Func<CancellationToken, ValueTask<TValue>> load, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(key, out var entry) && time.GetUtcNow() - entry.LoadedAt < Lifetime)
        {
            return entry.Value;
        }

        var generation = Volatile.Read(ref _generation);
        var started = time.GetUtcNow();
        var value = await load(cancellationToken).ConfigureAwait(false);
        if (Volatile.Read(ref _generation) == generation)
        {
            _entries[key] = (value, started);
        }

        return value;
    }

    /// <summary>Forgets everything: called after every write, so readers see it at once.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }
}
