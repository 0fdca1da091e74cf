using System.ComponentModel;
using System.Globalization;
using Microsoft.Extensions.AI;

namespace GAgent.Demo;

/// <summary>The tools the offline demo model knows how to call: the current time and arithmetic.</summary>
internal static class DemoTools
{
    public const string CurrentTimeName = "current_time";
    public const string CalculateName = "calculate";

    public static AIFunction CreateCurrentTime(TimeProvider time) => AIFunctionFactory.Create(
        () => time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        CurrentTimeName,
        "Returns the current date and time in UTC (ISO 8601).");

    public static AIFunction CreateCalculate() => AIFunctionFactory.Create(
        ([Description("An arithmetic expression such as (2 + 3) * 4 / 5")] string expression) =>
            ArithmeticExpression.Evaluate(expression).ToString("G15", CultureInfo.InvariantCulture),
        CalculateName,
        "Evaluates an arithmetic expression (+ - * / ^ %, parentheses) and returns the result.");
}
