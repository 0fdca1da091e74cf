using System.Buffers;

namespace GAgent.Agent;

/// <summary>
/// The text of one streamed message as it grows token by token. The characters live in an array rented from the
/// shared pool (a reply's worth of appends would otherwise allocate a chain of builder chunks per turn), and the text
/// becomes a string once: the journal's merged delta of the whole message and the message the loop keeps are the same
/// string. A message that arrives as one piece (a whole reply, a one-token answer) keeps that string and copies
/// nothing. Not thread-safe: the run's loop appends, and the journal reads only under its lock, which every append also
/// holds.
/// </summary>
internal sealed class MessageText
{
    private const int InitialCapacity = 256;
    private char[] _chars = [];
    private int _length;
    private string? _whole;
    private bool _complete;

    public int Length => _length;

    public void Append(string delta)
    {
        if (_complete)
        {
            throw new InvalidOperationException("The message is complete; nothing may be appended to it.");
        }

        if (delta.Length == 0)
        {
            return;
        }

        if (_length == 0)
        {
            // The first piece is kept as it is; a buffer is rented only if a second one follows.
            _whole = delta;
            _length = delta.Length;
            return;
        }

        if (_chars.Length - _length < delta.Length)
        {
            Grow(delta.Length);
        }

        delta.CopyTo(_chars.AsSpan(_length));
        _length += delta.Length;
        _whole = null;
    }

    /// <summary>The whole text; made once and then reused until the next append.</summary>
    public override string ToString() => _whole ??= _length == 0 ? string.Empty : new string(_chars, 0, _length);

    /// <summary>The text from <paramref name="start"/> on; the whole text (shared) when that is all of it.</summary>
    public string ToString(int start) => start == 0 ? ToString()
        : _chars.Length == 0 ? ToString()[start..]
        : new string(_chars, start, _length - start);

    /// <summary>
    /// Keeps only the string and gives the buffer back to the pool: for a message that is complete and no longer
    /// journaled (no merged delta of it is pending), which is when the loop keeps it in the conversation.
    /// </summary>
    public string Complete()
    {
        var whole = ToString();
        ReturnBuffer();
        _complete = true;
        return whole;
    }

    private void Grow(int needed)
    {
        var larger = ArrayPool<char>.Shared.Rent(Math.Max(Math.Max(InitialCapacity, _chars.Length * 2), _length + needed));
        // Until the first grow the text is the string of its first piece.
        (_chars.Length == 0 ? _whole.AsSpan() : _chars.AsSpan(0, _length)).CopyTo(larger);
        ReturnBuffer();
        _chars = larger;
    }

    private void ReturnBuffer()
    {
        if (_chars.Length > 0)
        {
            ArrayPool<char>.Shared.Return(_chars);
            _chars = [];
        }
    }
}
