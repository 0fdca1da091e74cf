using System.Text;

namespace GAgent.AspNetCore.OpenAI;

/// <summary>
/// Joins pieces of text, keeping a lone piece as it is: a run read with merged deltas usually hands over its answer
/// as one string, which then needs no builder and no copy.
/// </summary>
internal struct TextAccumulator
{
    private string? _single;
    private StringBuilder? _builder;

    public void Append(string piece)
    {
        if (_builder is not null)
        {
            _builder.Append(piece);
        }
        else if (_single is null)
        {
            _single = piece;
        }
        else
        {
            _builder = new StringBuilder(_single.Length + piece.Length + 16).Append(_single).Append(piece);
            _single = null;
        }
    }

    public override readonly string ToString() => _builder?.ToString() ?? _single ?? string.Empty;
}
