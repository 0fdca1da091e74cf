namespace GAgent.Sessions;

/// <summary>
/// Remembered (message index, byte offset) pairs from earlier reads, so paging backwards through a long session starts
/// each backward scan where the previous page began instead of at the end of the file. Valid for the life of the file
/// because appends never move earlier lines.
/// </summary>
internal sealed class JsonlLineCheckpoints
{
    private const int Capacity = 256;
    private readonly SortedList<long, long> _offsets = [];
    private readonly Lock _sync = new();

    public void Add(long index, long offset)
    {
        lock (_sync)
        {
            if (_offsets.Count >= Capacity && !_offsets.ContainsKey(index))
            {
                _offsets.RemoveAt(0);
            }

            _offsets[index] = offset;
        }
    }

    /// <summary>The checkpoint with the smallest index in [<paramref name="minIndex"/>, <paramref name="maxIndex"/>], if any.</summary>
    public bool TryFind(long minIndex, long maxIndex, out long index, out long offset)
    {
        lock (_sync)
        {
            foreach (var (candidate, candidateOffset) in _offsets)
            {
                if (candidate > maxIndex)
                {
                    break;
                }

                if (candidate >= minIndex)
                {
                    (index, offset) = (candidate, candidateOffset);
                    return true;
                }
            }
        }

        (index, offset) = (0, 0);
        return false;
    }

    public void Clear()
    {
        lock (_sync)
        {
            _offsets.Clear();
        }
    }
}
