namespace GAgent;

/// <summary>
/// Base of GAgent's expected failures. <see cref="ErrorCode"/> is stable and machine readable; HTTP surfaces map
/// each subclass to a status code and put the message, which always says what is wrong and how to fix it, in the body.
/// </summary>
public abstract class GAgentException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected GAgentException(string message, string errorCode, Exception? innerException = null)
        : base(message, innerException) => ErrorCode = errorCode;

    /// <summary>Stable machine-readable code, e.g. <c>session_not_found</c>.</summary>
    public string ErrorCode { get; }
}
