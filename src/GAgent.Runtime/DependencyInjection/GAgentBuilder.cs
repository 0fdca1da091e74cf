namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The builder <c>AddGAgent()</c> returns; features are extension methods on <see cref="IGAgentBuilder"/>.</summary>
internal sealed class GAgentBuilder(IServiceCollection services) : IGAgentBuilder
{
    public IServiceCollection Services { get; } = services;
}
