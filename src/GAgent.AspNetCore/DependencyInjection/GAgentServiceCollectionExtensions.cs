using GAgent.AspNetCore;
using GAgent.AspNetCore.Api;
using GAgent.AspNetCore.Security;
using GAgent.AspNetCore.WebSockets;
using GAgent.Configuration;
using GAgent.Providers.OpenAI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds GAgent to an ASP.NET Core app.</summary>
public static class GAgentServiceCollectionExtensions
{
    /// <summary>
    /// Adds GAgent: the runtime (agent loop, runs, file session store) and its HTTP services, with options bound from the
    /// configuration section <c>GAgent</c> and validated at start. Then configure models and tools on the returned
    /// builder, and call <c>app.MapGAgentEndpoints()</c>.
    /// </summary>
    public static IGAgentBuilder AddGAgent(this IServiceCollection services, Action<GAgentOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddGAgentRuntime(configure);
        if (services.Any(static d => d.ServiceType == typeof(GAgentServicesMarker)))
        {
            return builder;
        }

        services.AddSingleton<GAgentServicesMarker>();
        services.AddOptions<GAgentOptions>().BindConfiguration(GAgentOptions.SectionName);
        services.AddOptions<OpenAIProviderOptions>().BindConfiguration(OpenAIProviderOptions.SectionName);
        services.AddOptions<GAgentServerOptions>().BindConfiguration(GAgentOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GAgentServerOptions>, GAgentServerOptionsValidator>());
        services.TryAddSingleton<GAgentAccessPolicy>();
        services.TryAddSingleton<GAgentRateLimiter>();
        services.TryAddSingleton<GAgentStartTime>();
        services.TryAddSingleton<GAgent.AspNetCore.OpenAI.Responses.ResponseRecorder>();
        services.TryAddSingleton<AccessTokenStore>();
        services.TryAddSingleton<SessionRunHub>();
        services.TryAddSingleton<WebSocketConnections>();
        services.TryAddSingleton<WebSocketChannel>();
        builder.AddChannel(static provider => provider.GetRequiredService<WebSocketChannel>());
        services.AddProblemDetails();
        return builder;
    }

    /// <summary>Configures GAgent's HTTP options (API keys, limits, disconnect policy) in code, on top of configuration.</summary>
    public static IGAgentBuilder ConfigureServer(this IGAgentBuilder builder, Action<GAgentServerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure(configure);
        return builder;
    }
}
