namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Configures GAgent after <c>AddGAgent()</c>: providers, tools, stores and channels are extension methods on it.
/// </summary>
public interface IGAgentBuilder
{
    /// <summary>The application's service collection.</summary>
    IServiceCollection Services { get; }
}
