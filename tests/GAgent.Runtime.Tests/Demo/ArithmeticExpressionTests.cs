using GAgent.Demo;

namespace GAgent.Runtime.Tests.Demo;

public sealed class ArithmeticExpressionTests
{
    [Theory]
    [InlineData("1 + 2 * 3", 7)]
    [InlineData("10 - 4 - 3", 3)]
    [InlineData("64 / 4 / 2", 8)]
    [InlineData("(12 + 30) * 2", 84)]
    [InlineData("((2))", 2)]
    [InlineData("2 * (3 + (4 - 1)) / 3", 4)]
    [InlineData("-5 + 2", -3)]
    [InlineData("-(2 + 3)", -5)]
    [InlineData("3 - -2", 5)]
    [InlineData("--4", 4)]
    [InlineData("+7", 7)]
    [InlineData("0.5 + 0.25", 0.75)]
    [InlineData("1.5 * 4", 6)]
    [InlineData("2 ^ 10", 1024)]
    [InlineData("2 ^ 3 ^ 2", 512)]
    [InlineData("2 ^ -1", 0.5)]
    [InlineData("2 * 3 ^ 2", 18)]
    [InlineData("17 % 5", 2)]
    [InlineData("12x7", 84)]
    [InlineData("12 × 7", 84)]
    [InlineData("84 ÷ 2", 42)]
    [InlineData("  12*7  ", 84)]
    [InlineData("42", 42)]
    public void Evaluates(string expression, double expected)
        => Assert.Equal(expected, ArithmeticExpression.Evaluate(expression), 10);

    [Theory]
    [InlineData("1 / 0")]
    [InlineData("0 / 0")]
    [InlineData("5 % 0")]
    [InlineData("1 / (1 / 0)")]
    [InlineData("2 - 1 / (3 - 3) * 0")]
    public void Division_by_zero_is_a_format_error(string expression)
    {
        var ex = Assert.Throws<FormatException>(() => ArithmeticExpression.Evaluate(expression));
        Assert.Contains("zero", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("", "ends where a number was expected")]
    [InlineData("   ", "ends where a number was expected")]
    [InlineData("abc", "position 1")]
    [InlineData("2 +", "ends where a number was expected")]
    [InlineData("2 3", "position 3")]
    [InlineData("(1 + 2", "Missing ')'")]
    [InlineData("1 + 2)", "Unexpected ')'")]
    [InlineData("1.2.3", "'1.2.3' is not a number")]
    [InlineData("Math.Pow(2, 3)", "position 1")]
    [InlineData("2 * * 3", "position 5")]
    public void Garbage_is_a_format_error_saying_where(string expression, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => ArithmeticExpression.Evaluate(expression));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_long_expression_is_refused()
    {
        var expression = string.Join("+", Enumerable.Repeat("1", 501));

        var ex = Assert.Throws<FormatException>(() => ArithmeticExpression.Evaluate(expression));

        Assert.Contains("longer than 1000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_but_allowed_expression_evaluates()
    {
        var expression = string.Join("+", Enumerable.Repeat("1", 500));

        Assert.Equal(500, ArithmeticExpression.Evaluate(expression));
    }

    [Fact]
    public void Too_deeply_nested_expression_is_refused()
    {
        var expression = new string('(', 65) + "1" + new string(')', 65);

        var ex = Assert.Throws<FormatException>(() => ArithmeticExpression.Evaluate(expression));

        Assert.Contains("nested deeper than 64", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_up_to_the_limit_evaluates()
        => Assert.Equal(1, ArithmeticExpression.Evaluate(new string('(', 64) + "1" + new string(')', 64)));

    [Fact]
    public void Overflow_to_infinity_is_a_format_error()
        => Assert.Throws<FormatException>(() => ArithmeticExpression.Evaluate("10 ^ 400"));

    [Fact]
    public void Null_is_an_argument_error()
        => Assert.Throws<ArgumentNullException>(() => ArithmeticExpression.Evaluate(null!));
}
