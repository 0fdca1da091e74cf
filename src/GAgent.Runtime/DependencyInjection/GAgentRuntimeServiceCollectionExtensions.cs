using GAgent.Agent;
using GAgent.Models;
using GAgent.Providers.OpenAI;
using GAgent.Configuration;
using GAgent.Media;
using GAgent.Responses;
using GAgent.Sessions;
using GAgent.Tools;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the GAgent runtime (agent loop, run registry, stores) without any HTTP surface.</summary>
public static class GAgentRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the GAgent runtime: the agent loop, the run registry and the default file session, response, media, approval, profile, memory, skill, learning and routine stores and the media URL signer. Use it directly
    /// in worker or console hosts; ASP.NET Core apps call <c>AddGAgent()</c>, which calls this. Safe to call twice.
    /// </summary>
    public static IGAgentBuilder AddGAgentRuntime(this IServiceCollection services, Action<GAgentOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        if (services.Any(static d => d.ServiceType == typeof(GAgentRuntimeMarker)))
        {
            return new GAgentBuilder(services);
        }

        services.AddSingleton<GAgentRuntimeMarker>();
        services.AddOptions<GAgentOptions>()
            .PostConfigure<IServiceProvider>(static (options, provider) => options.DataDirectory = ResolveDataDirectory(options.DataDirectory, provider))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GAgentOptions>, GAgentOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GAgent.Events.IGAgentEventBus, GAgent.Events.GAgentEventBus>();
        // The chosen store is registered under a key and ISessionStore resolves to an observer around it, so every
        // change made through GAgent is announced whichever store the host plugs in (UseSessionStore replaces the key).
        services.TryAddKeyedSingleton<ISessionStore>(SessionStoreKey, static (provider, _) => new FileSessionStore(
            Path.Combine(provider.GetRequiredService<IOptions<GAgentOptions>>().Value.DataDirectory!, "sessions"),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<FileSessionStore>>() ?? NullLogger<FileSessionStore>.Instance));
        services.TryAddSingleton<ISessionStore>(static provider => new ObservedSessionStore(
            provider.GetRequiredKeyedService<ISessionStore>(SessionStoreKey),
            provider.GetRequiredService<GAgent.Events.IGAgentEventBus>(),
            provider.GetRequiredService<RunRegistry>(),
            provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IResponseStore>(static provider => new FileResponseStore(
            Path.Combine(provider.GetRequiredService<IOptions<GAgentOptions>>().Value.DataDirectory!, "responses"),
            provider.GetService<ILogger<FileResponseStore>>()));
        services.TryAddSingleton<IMediaStore>(static provider => new FileMediaStore(
            Path.Combine(provider.GetRequiredService<IOptions<GAgentOptions>>().Value.DataDirectory!, "media"),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<FileMediaStore>>()));
        services.TryAddSingleton(static provider => new MediaUrlSigner(
            Path.Combine(provider.GetRequiredService<IOptions<GAgentOptions>>().Value.DataDirectory!, "keys"),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<MediaUrlSigner>>()));
        services.TryAddSingleton<GAgent.Approvals.IApprovalStore>(static provider => new GAgent.Approvals.FileApprovalStore(
            Path.Combine(provider.GetRequiredService<IOptions<GAgentOptions>>().Value.DataDirectory!, "approvals"),
            provider.GetService<ILogger<GAgent.Approvals.FileApprovalStore>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<GAgent.Approvals.IToolApprovalPolicy, GAgent.Approvals.ConfiguredToolApprovalPolicy>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<GAgent.Approvals.IToolApprovalPolicy, GAgent.Approvals.ProfileToolApprovalPolicy>());
        services.TryAddSingleton<GAgent.Approvals.ApprovalGate>();
        services.TryAddSingleton<GAgent.Approvals.ApprovalService>();
        services.AddHostedService<GAgent.Approvals.ApprovalStartupCheck>();
        services.TryAddSingleton<MediaReferenceResolver>();
        services.TryAddSingleton<GAgent.Profiles.IProfileStore>(static provider => new GAgent.Profiles.FileProfileStore(
            Path.Combine(provider.GetRequiredService<IOptions<GAgentOptions>>().Value.DataDirectory!, "profiles"),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<GAgent.Profiles.FileProfileStore>>()));
        services.TryAddSingleton<GAgent.Memory.IMemoryStore>(static provider => new GAgent.Memory.FileMemoryStore(
            Path.Combine(provider.GetRequiredService<IOptions<GAgentOptions>>().Value.DataDirectory!, "memory"),
            provider.GetRequiredService<IOptions<GAgentOptions>>().Value.Memory.MaxDocumentChars,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<GAgent.Memory.FileMemoryStore>>()));
        services.TryAddSingleton<GAgent.Skills.ISkillStore>(static provider => new GAgent.Skills.FileSkillStore(
            Path.Combine(provider.GetRequiredService<IOptions<GAgentOptions>>().Value.DataDirectory!, "skills"),
            provider.GetRequiredService<IOptions<GAgentOptions>>().Value.Skills.MaxSkillChars,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<GAgent.Skills.FileSkillStore>>()));
        services.TryAddSingleton<GAgent.Learning.ILearningStore>(static provider => new GAgent.Learning.FileLearningStore(
            Path.Combine(provider.GetRequiredService<IOptions<GAgentOptions>>().Value.DataDirectory!, "learning"),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<GAgent.Learning.FileLearningStore>>()));
        services.TryAddSingleton<GAgent.Learning.LearningQueue>();
        services.TryAddSingleton<GAgent.Profiles.ProfileReferenceValidator>();
        services.TryAddSingleton<RunProfileContext>();
        services.TryAddSingleton<IModelCatalog, ModelCatalog>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IModelSource, ConfiguredOpenAIModelSource>());
        services.TryAddSingleton<AgentToolbox>();
        services.TryAddSingleton<ToolInvoker>();
        services.TryAddSingleton<RunRegistry>();
        services.TryAddSingleton<AgentLoop>();
        services.TryAddSingleton<GAgent.Runs.IAgentRunner, AgentRunner>();
        services.AddHostedService<GAgent.DependencyInjection.RuntimeStartupCheck>();
        services.AddHostedService<RunStatusNotifier>();
        services.TryAddSingleton<GAgent.Channels.ChannelManager>();
        services.AddHostedService(static provider => provider.GetRequiredService<GAgent.Channels.ChannelManager>());
        services.TryAddSingleton<GAgent.Routines.IRoutineStore>(static provider => new GAgent.Routines.FileRoutineStore(
            Path.Combine(provider.GetRequiredService<IOptions<GAgentOptions>>().Value.DataDirectory!, "routines"),
            provider.GetService<ILogger<GAgent.Routines.FileRoutineStore>>()));
        services.TryAddSingleton<GAgent.Routines.RoutineSignal>();
        services.TryAddSingleton<GAgent.Routines.RoutineEvents>();
        services.TryAddSingleton<GAgent.Routines.RoutineExecutor>();
        services.TryAddSingleton<GAgent.Routines.RoutineManager>();
        services.TryAddSingleton<GAgent.Routines.RoutineScheduler>();
        services.AddHostedService(static provider => provider.GetRequiredService<GAgent.Routines.RoutineScheduler>());
        return new GAgentBuilder(services);
    }

    private static string ResolveDataDirectory(string? configured, IServiceProvider provider)
    {
        var root = provider.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory;
        return Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? Path.Combine(root, "App_Data", "gagent") : Path.Combine(root, configured));
    }

    /// <summary>The service key of the session store the host chose (see <see cref="ObservedSessionStore"/>).</summary>
    internal const string SessionStoreKey = "GAgent.SessionStore";

    /// <summary>Marks the runtime as registered so a second call adds nothing.</summary>
    private sealed class GAgentRuntimeMarker;
}
