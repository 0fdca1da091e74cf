using System.Collections.Concurrent;

namespace GAgent.Samples.CustomChannel;

/// <summary>
/// Remembers the signatures seen within the replay window, so a captured request cannot be sent again while its
/// timestamp is still fresh. Entries older than the window are dropped: the timestamp check refuses those anyway.
/// </summary>
internal sealed class WebhookReplayGuard(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    /// <summary>Records <paramref name="signature"/>; false when it was already seen within <paramref name="window"/>.</summary>
    public bool TryRecord(string signature, TimeSpan window)
    {
        var now = time.GetUtcNow();
        foreach (var entry in _seen)
        {
            if (now - entry.Value > window)
            {
                _seen.TryRemove(entry);
            }
        }

        return _seen.TryAdd(signature, now);
    }
}
