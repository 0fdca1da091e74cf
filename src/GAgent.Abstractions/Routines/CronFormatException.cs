namespace GAgent.Routines;

/// <summary>A cron expression could not be parsed. The message names the field and the token at fault.</summary>
public sealed class CronFormatException : GAgentException
{
    /// <summary>Creates the exception.</summary>
    public CronFormatException(string expression, string field, string token, string problem)
        : base($"Invalid cron expression '{expression}': {problem}", "invalid_cron")
    {
        Expression = expression;
        Field = field;
        Token = token;
    }

    /// <summary>The expression as given.</summary>
    public string Expression { get; }

    /// <summary>The field at fault: <c>minute</c>, <c>hour</c>, <c>day-of-month</c>, <c>month</c>, <c>day-of-week</c>, or <c>expression</c> for the whole.</summary>
    public string Field { get; }

    /// <summary>The token at fault.</summary>
    public string Token { get; }
}
