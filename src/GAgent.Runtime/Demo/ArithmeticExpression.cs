using System.Globalization;

namespace GAgent.Demo;

/// <summary>
/// Evaluates plain arithmetic (+ - * / ^ %, parentheses, unary minus, decimals) with a recursive-descent parser.
/// No variables, no functions, no code execution: safe to expose as a tool.
/// </summary>
internal sealed class ArithmeticExpression
{
    private const int MaxLength = 1000;
    private const int MaxDepth = 64;
    private readonly string _text;
    private int _position;
    private int _depth;

    private ArithmeticExpression(string text) => _text = text;

    /// <exception cref="FormatException">The expression is malformed; the message says where.</exception>
    public static double Evaluate(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (expression.Length > MaxLength)
        {
            throw new FormatException($"The expression is longer than {MaxLength} characters.");
        }

        var parser = new ArithmeticExpression(expression);
        var value = parser.ParseSum();
        parser.SkipSpaces();
        if (parser._position < expression.Length)
        {
            throw new FormatException($"Unexpected '{expression[parser._position]}' at position {parser._position + 1}.");
        }

        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new FormatException("The result is not a finite number (division by zero?).");
        }

        return value;
    }

    private double ParseSum()
    {
        var value = ParseProduct();
        while (true)
        {
            if (Accept('+'))
            {
                value += ParseProduct();
            }
            else if (Accept('-'))
            {
                value -= ParseProduct();
            }
            else
            {
                return value;
            }
        }
    }

    private double ParseProduct()
    {
        var value = ParsePower();
        while (true)
        {
            if (Accept('*') || Accept('x') || Accept('×'))
            {
                value *= ParsePower();
            }
            else if (Accept('/') || Accept('÷'))
            {
                value /= NonZeroDivisor();
            }
            else if (Accept('%'))
            {
                value %= NonZeroDivisor();
            }
            else
            {
                return value;
            }
        }
    }

    // Checked here, not only on the final result: 1 / (1 / 0) would otherwise quietly evaluate to 0.
    private double NonZeroDivisor()
    {
        var position = _position;
        var divisor = ParsePower();
        return divisor != 0 ? divisor : throw new FormatException($"Division by zero at position {position + 1}.");
    }

    private double ParsePower()
    {
        var value = ParseUnary();
        return Accept('^') ? Math.Pow(value, ParsePower()) : value;
    }

    private double ParseUnary()
    {
        if (Accept('-'))
        {
            return -ParseUnary();
        }

        return Accept('+') ? ParseUnary() : ParseAtom();
    }

    private double ParseAtom()
    {
        if (Accept('('))
        {
            if (++_depth > MaxDepth)
            {
                throw new FormatException($"Parentheses are nested deeper than {MaxDepth} levels.");
            }

            var value = ParseSum();
            _depth--;
            if (!Accept(')'))
            {
                throw new FormatException($"Missing ')' at position {_position + 1}.");
            }

            return value;
        }

        SkipSpaces();
        var start = _position;
        while (_position < _text.Length && (char.IsAsciiDigit(_text[_position]) || _text[_position] == '.'))
        {
            _position++;
        }

        if (start == _position)
        {
            throw new FormatException(_position < _text.Length ? $"Expected a number at position {_position + 1}, found '{_text[_position]}'." : "The expression ends where a number was expected.");
        }

        return double.TryParse(_text.AsSpan(start, _position - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException($"'{_text[start.._position]}' is not a number.");
    }

    private bool Accept(char c)
    {
        SkipSpaces();
        if (_position < _text.Length && _text[_position] == c)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void SkipSpaces()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }
}
