using GAgent.Approvals;
using GAgent.Channels;
using GAgent.Demo;
using GAgent.Configuration;
using GAgent.Learning;
using GAgent.Media;
using GAgent.Memory;
using GAgent.Profiles;
using GAgent.Skills;
using GAgent.Models;
using GAgent.Providers.OpenAI;
using GAgent.Responses;
using GAgent.Routines;
using GAgent.Sessions;
using GAgent.Tools;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Models, tools and stores for the builder returned by <c>AddGAgent()</c>.</summary>
public static class GAgentBuilderExtensions
{
    /// <summary>Adds a server-side tool the agent may call. Its name must be unique.</summary>
    public static IGAgentBuilder AddTool(this IGAgentBuilder builder, AIFunction tool)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(tool);
        builder.Services.AddSingleton(new ToolRegistration(_ => tool));
        return builder;
    }

    /// <summary>Adds a server-side tool created from the service provider on first use.</summary>
    public static IGAgentBuilder AddTool(this IGAgentBuilder builder, Func<IServiceProvider, AIFunction> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.AddSingleton(new ToolRegistration(factory));
        return builder;
    }

    /// <summary>Adds a tool from a delegate (see <see cref="AIFunctionFactory"/>): parameters become the JSON schema.</summary>
    public static IGAgentBuilder AddTool(this IGAgentBuilder builder, Delegate method, string name, string description)
    {
        ArgumentNullException.ThrowIfNull(method);
        return builder.AddTool(AIFunctionFactory.Create(method, name, description));
    }

    /// <summary>
    /// Adds a model served by any <see cref="IChatClient"/>. The first model added is the default unless
    /// <c>GAgent:DefaultModel</c> names another; clients choose one by <paramref name="modelId"/> (OpenAI's <c>model</c>).
    /// </summary>
    public static IGAgentBuilder AddChatClient(this IGAgentBuilder builder, string modelId, Func<IServiceProvider, IChatClient> factory, string ownedBy = "gagent", string? description = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.AddSingleton(new ModelRegistration(new ModelDescriptor { Id = modelId, OwnedBy = ownedBy, Description = description, CreatedAt = DateTimeOffset.UtcNow }, factory, new ModelProvider("custom")));
        return builder;
    }

    /// <summary>Adds a model served by an existing <see cref="IChatClient"/> instance.</summary>
    public static IGAgentBuilder AddChatClient(this IGAgentBuilder builder, string modelId, IChatClient client, string ownedBy = "gagent", string? description = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        return builder.AddChatClient(modelId, _ => client, ownedBy, description);
    }

    /// <summary>
    /// Adds a model served by OpenAI or any OpenAI-compatible server (Azure OpenAI, Ollama, vLLM, llama.cpp) through the
    /// official OpenAI SDK. Listed by <c>/v1/models</c> as <see cref="OpenAIProviderOptions.EffectiveModelAlias"/>.
    /// Call it several times for several models. The <c>GAgent:OpenAI</c> configuration section does the same without code.
    /// </summary>
    /// <exception cref="InvalidOperationException">The options are invalid (for example no model).</exception>
    public static IGAgentBuilder UseOpenAI(this IGAgentBuilder builder, Action<OpenAIProviderOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new OpenAIProviderOptions();
        configure(options);
        builder.Services.AddSingleton(OpenAIModelRegistration.Create(options, "UseOpenAI"));
        return builder;
    }

    /// <summary>
    /// Adds the offline demo model (<c>gagent-demo</c>) and its tools (<c>current_time</c>, <c>calculate</c>), for running
    /// without any provider. It is never the default when another model is configured, and a warning is logged at start.
    /// </summary>
    public static IGAgentBuilder UseOfflineDemoModel(this IGAgentBuilder builder, Action<OfflineDemoChatClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new OfflineDemoChatClientOptions();
        configure?.Invoke(options);
        var descriptor = new ModelDescriptor
        {
            Id = options.ModelId,
            OwnedBy = "gagent",
            Description = "Offline demo model: deterministic canned answers, no AI provider. Configure a provider for real answers.",
            CreatedAt = DateTimeOffset.UtcNow,
            IsDemo = true,
        };
        builder.Services.AddSingleton(new ModelRegistration(descriptor, provider => new OfflineDemoChatClient(options, provider.GetRequiredService<TimeProvider>()), new ModelProvider("demo")));
        builder.AddTool(provider => DemoTools.CreateCurrentTime(provider.GetRequiredService<TimeProvider>()));
        builder.AddTool(DemoTools.CreateCalculate());
        return builder;
    }

    /// <summary>Replaces the session store (the default is the JSONL file store in the data directory).</summary>
    public static IGAgentBuilder UseSessionStore<TStore>(this IGAgentBuilder builder)
        where TStore : class, ISessionStore
        => builder.ReplaceSessionStore(ServiceDescriptor.KeyedSingleton<ISessionStore, TStore>(GAgentRuntimeServiceCollectionExtensions.SessionStoreKey));

    /// <summary>Replaces the session store with a factory.</summary>
    public static IGAgentBuilder UseSessionStore(this IGAgentBuilder builder, Func<IServiceProvider, ISessionStore> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return builder.ReplaceSessionStore(ServiceDescriptor.KeyedSingleton(GAgentRuntimeServiceCollectionExtensions.SessionStoreKey, (provider, _) => factory(provider)));
    }

    /// <summary>Keeps sessions in memory only (tests, throwaway hosts): everything is lost when the process ends.</summary>
    public static IGAgentBuilder UseInMemorySessionStore(this IGAgentBuilder builder)
        => builder.UseSessionStore(static provider => new InMemorySessionStore(provider.GetRequiredService<TimeProvider>()));

    /// <summary>Replaces the store of OpenAI Responses (<c>/v1/responses</c> with <c>store: true</c>) with <typeparamref name="TStore"/>.</summary>
    public static IGAgentBuilder UseResponseStore<TStore>(this IGAgentBuilder builder)
        where TStore : class, IResponseStore
        => builder.ReplaceSingleton(ServiceDescriptor.Singleton<IResponseStore, TStore>());

    /// <summary>Keeps stored OpenAI Responses in memory only (tests, throwaway hosts): they are lost when the process ends.</summary>
    public static IGAgentBuilder UseInMemoryResponseStore(this IGAgentBuilder builder)
        => builder.UseResponseStore<InMemoryResponseStore>();

    /// <summary>
    /// Adds a channel (see <see cref="IChannel"/>), registered as a singleton <typeparamref name="TChannel"/> so the host's
    /// endpoints can reach it too. The channel manager starts and supervises it; options bind from <c>GAgent:Channels:{name}</c>.
    /// </summary>
    public static IGAgentBuilder AddChannel<TChannel>(this IGAgentBuilder builder)
        where TChannel : class, IChannel
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<TChannel>();
        builder.Services.AddSingleton(new ChannelRegistration(static provider => provider.GetRequiredService<TChannel>()));
        return builder;
    }

    /// <summary>Adds a channel created from the service provider when the channel manager first needs it.</summary>
    public static IGAgentBuilder AddChannel(this IGAgentBuilder builder, Func<IServiceProvider, IChannel> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.AddSingleton(new ChannelRegistration(factory));
        return builder;
    }

    /// <summary>Replaces the media store (the default keeps files by content hash under <c>{DataDirectory}/media</c>).</summary>
    public static IGAgentBuilder UseMediaStore<TStore>(this IGAgentBuilder builder)
        where TStore : class, IMediaStore
        => builder.ReplaceSingleton(ServiceDescriptor.Singleton<IMediaStore, TStore>());

    /// <summary>Replaces the media store with a factory.</summary>
    public static IGAgentBuilder UseMediaStore(this IGAgentBuilder builder, Func<IServiceProvider, IMediaStore> factory)
        => builder.ReplaceSingleton(factory);

    /// <summary>Keeps uploaded media in memory only (tests, throwaway hosts): everything is lost when the process ends.</summary>
    public static IGAgentBuilder UseInMemoryMediaStore(this IGAgentBuilder builder)
        => builder.UseMediaStore(static provider => new InMemoryMediaStore(provider.GetRequiredService<TimeProvider>()));

    /// <summary>Replaces the profile store (the default keeps one JSON file per profile under <c>{DataDirectory}/profiles</c>).</summary>
    public static IGAgentBuilder UseProfileStore<TStore>(this IGAgentBuilder builder)
        where TStore : class, IProfileStore
        => builder.ReplaceSingleton(ServiceDescriptor.Singleton<IProfileStore, TStore>());

    /// <summary>Replaces the profile store with a factory.</summary>
    public static IGAgentBuilder UseProfileStore(this IGAgentBuilder builder, Func<IServiceProvider, IProfileStore> factory)
        => builder.ReplaceSingleton(factory);

    /// <summary>Replaces the profile store with an instance.</summary>
    public static IGAgentBuilder UseProfileStore(this IGAgentBuilder builder, IProfileStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return builder.ReplaceSingleton(ServiceDescriptor.Singleton(store));
    }

    /// <summary>Replaces the routine store (the default keeps one JSON file per routine under <c>{DataDirectory}/routines</c>).</summary>
    public static IGAgentBuilder UseRoutineStore<TStore>(this IGAgentBuilder builder)
        where TStore : class, IRoutineStore
        => builder.ReplaceSingleton(ServiceDescriptor.Singleton<IRoutineStore, TStore>());

    /// <summary>Replaces the routine store with a factory.</summary>
    public static IGAgentBuilder UseRoutineStore(this IGAgentBuilder builder, Func<IServiceProvider, IRoutineStore> factory)
        => builder.ReplaceSingleton(factory);

    /// <summary>Replaces the routine store with an instance.</summary>
    public static IGAgentBuilder UseRoutineStore(this IGAgentBuilder builder, IRoutineStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return builder.ReplaceSingleton(ServiceDescriptor.Singleton(store));
    }

    /// <summary>Replaces the approval store (pending tool-call approvals and standing grants) with <typeparamref name="TStore"/>.</summary>
    public static IGAgentBuilder UseApprovalStore<TStore>(this IGAgentBuilder builder)
        where TStore : class, IApprovalStore
        => builder.ReplaceSingleton(ServiceDescriptor.Singleton<IApprovalStore, TStore>());

    /// <summary>Replaces the approval store with an instance.</summary>
    public static IGAgentBuilder UseApprovalStore(this IGAgentBuilder builder, IApprovalStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return builder.ReplaceSingleton(ServiceDescriptor.Singleton(store));
    }

    /// <summary>Keeps profiles in memory only (tests, throwaway hosts): everything is lost when the process ends.</summary>
    public static IGAgentBuilder UseInMemoryProfileStore(this IGAgentBuilder builder)
        => builder.UseProfileStore(static provider => new InMemoryProfileStore(provider.GetRequiredService<TimeProvider>()));

    /// <summary>Replaces the memory store (the default keeps one Markdown file per scope under <c>{DataDirectory}/memory</c>).</summary>
    public static IGAgentBuilder UseMemoryStore<TStore>(this IGAgentBuilder builder)
        where TStore : class, IMemoryStore
        => builder.ReplaceSingleton(ServiceDescriptor.Singleton<IMemoryStore, TStore>());

    /// <summary>Replaces the memory store with a factory.</summary>
    public static IGAgentBuilder UseMemoryStore(this IGAgentBuilder builder, Func<IServiceProvider, IMemoryStore> factory)
        => builder.ReplaceSingleton(factory);

    /// <summary>Replaces the memory store with an instance.</summary>
    public static IGAgentBuilder UseMemoryStore(this IGAgentBuilder builder, IMemoryStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return builder.ReplaceSingleton(ServiceDescriptor.Singleton(store));
    }

    /// <summary>Keeps memory in the process only (tests, throwaway hosts): everything is lost when the process ends.</summary>
    public static IGAgentBuilder UseInMemoryMemoryStore(this IGAgentBuilder builder)
        => builder.UseMemoryStore(static provider => new InMemoryMemoryStore(
            provider.GetRequiredService<IOptions<GAgentOptions>>().Value.Memory.MaxDocumentChars,
            provider.GetRequiredService<TimeProvider>()));

    /// <summary>Replaces the skill store (the default keeps <c>{DataDirectory}/skills/{id}/SKILL.md</c> folders).</summary>
    public static IGAgentBuilder UseSkillStore<TStore>(this IGAgentBuilder builder)
        where TStore : class, ISkillStore
        => builder.ReplaceSingleton(ServiceDescriptor.Singleton<ISkillStore, TStore>());

    /// <summary>Replaces the skill store with a factory.</summary>
    public static IGAgentBuilder UseSkillStore(this IGAgentBuilder builder, Func<IServiceProvider, ISkillStore> factory)
        => builder.ReplaceSingleton(factory);

    /// <summary>Replaces the skill store with an instance.</summary>
    public static IGAgentBuilder UseSkillStore(this IGAgentBuilder builder, ISkillStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return builder.ReplaceSingleton(ServiceDescriptor.Singleton(store));
    }

    /// <summary>Keeps skills in the process only (tests, throwaway hosts): everything is lost when the process ends.</summary>
    public static IGAgentBuilder UseInMemorySkillStore(this IGAgentBuilder builder)
        => builder.UseSkillStore(static provider => new InMemorySkillStore(
            provider.GetRequiredService<IOptions<GAgentOptions>>().Value.Skills.MaxSkillChars,
            provider.GetRequiredService<TimeProvider>()));

    /// <summary>Keeps approvals and grants in memory only (tests, throwaway hosts): they are lost when the process ends.</summary>
    public static IGAgentBuilder UseInMemoryApprovalStore(this IGAgentBuilder builder)
        => builder.UseApprovalStore<InMemoryApprovalStore>();

    /// <summary>Keeps routines in memory only (tests, throwaway hosts): they are lost when the process ends.</summary>
    public static IGAgentBuilder UseInMemoryRoutineStore(this IGAgentBuilder builder)
        => builder.UseRoutineStore<InMemoryRoutineStore>();

    /// <summary>Replaces the learning store (the default keeps one JSON file per candidate under <c>{DataDirectory}/learning</c>).</summary>
    public static IGAgentBuilder UseLearningStore<TStore>(this IGAgentBuilder builder)
        where TStore : class, ILearningStore
        => builder.ReplaceSingleton(ServiceDescriptor.Singleton<ILearningStore, TStore>());

    /// <summary>Replaces the learning store with a factory.</summary>
    public static IGAgentBuilder UseLearningStore(this IGAgentBuilder builder, Func<IServiceProvider, ILearningStore> factory)
        => builder.ReplaceSingleton(factory);

    /// <summary>Replaces the learning store with an instance.</summary>
    public static IGAgentBuilder UseLearningStore(this IGAgentBuilder builder, ILearningStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return builder.ReplaceSingleton(ServiceDescriptor.Singleton(store));
    }

    /// <summary>Keeps learning candidates in memory only (tests, throwaway hosts): everything is lost when the process ends.</summary>
    public static IGAgentBuilder UseInMemoryLearningStore(this IGAgentBuilder builder)
        => builder.UseLearningStore(static provider => new InMemoryLearningStore(provider.GetRequiredService<TimeProvider>()));

    /// <summary>The one way stores are swapped: replace the default registration, keep it a singleton.</summary>
    /// <summary>Swaps the keyed registration behind the observing <see cref="ISessionStore"/>, so changes are still announced.</summary>
    private static IGAgentBuilder ReplaceSessionStore(this IGAgentBuilder builder, ServiceDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.RemoveAllKeyed<ISessionStore>(GAgentRuntimeServiceCollectionExtensions.SessionStoreKey);
        builder.Services.Add(descriptor);
        return builder;
    }

    private static IGAgentBuilder ReplaceSingleton(this IGAgentBuilder builder, ServiceDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(descriptor);
        return builder;
    }

    private static IGAgentBuilder ReplaceSingleton<TService>(this IGAgentBuilder builder, Func<IServiceProvider, TService> factory)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        return builder.ReplaceSingleton(ServiceDescriptor.Singleton(factory));
    }
}
