namespace GAgent.Events;

/// <summary>Well-known <see cref="RunErrorEvent.Code"/> values.</summary>
public static class RunErrorCodes
{
    /// <summary>The run was stopped by a caller or the host shut down.</summary>
    public const string Cancelled = "run_cancelled";

    /// <summary>The model provider returned an error.</summary>
    public const string ProviderError = "provider_error";

    /// <summary>An unexpected error inside GAgent.</summary>
    public const string InternalError = "internal_error";
}
