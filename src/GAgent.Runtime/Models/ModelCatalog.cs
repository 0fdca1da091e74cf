using System.Collections.Concurrent;
using GAgent.Configuration;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace GAgent.Models;

/// <summary>The registered models, default first, each client created once on first use.</summary>
internal sealed class ModelCatalog : IModelCatalog
{
    private readonly Dictionary<string, ModelRegistration> _registrations;
    private readonly ConcurrentDictionary<string, Lazy<IChatClient>> _clients = new(StringComparer.Ordinal);
    private readonly IServiceProvider _services;

    public ModelCatalog(IEnumerable<ModelRegistration> registrations, IEnumerable<IModelSource> sources, IOptions<GAgentOptions> options, IServiceProvider services)
    {
        _services = services;
        var list = sources.SelectMany(static s => s.GetModels()).Concat(registrations).ToList();
        if (list.Count == 0)
        {
            throw new InvalidOperationException("GAgent has no model. Configure one: call UseOpenAI(...) or AddChatClient(...) on the builder returned by AddGAgent(), set the GAgent:OpenAI configuration section, or call UseOfflineDemoModel() to run on the offline demo model.");
        }

        _registrations = new Dictionary<string, ModelRegistration>(StringComparer.Ordinal);
        foreach (var registration in list)
        {
            if (!_registrations.TryAdd(registration.Descriptor.Id, registration))
            {
                throw new InvalidOperationException($"Two models are registered with the id '{registration.Descriptor.Id}'. Give each model a unique id.");
            }
        }

        var defaultId = options.Value.DefaultModel;
        ModelDescriptor defaultModel;
        if (string.IsNullOrEmpty(defaultId))
        {
            // The demo model must never silently answer when a real provider is configured.
            defaultModel = (list.FirstOrDefault(static r => !r.Descriptor.IsDemo) ?? list[0]).Descriptor;
        }
        else if (_registrations.TryGetValue(defaultId, out var chosen))
        {
            defaultModel = chosen.Descriptor;
        }
        else
        {
            throw new InvalidOperationException($"GAgent:DefaultModel is '{defaultId}', but no model has that id. Registered models: {string.Join(", ", _registrations.Keys)}.");
        }

        DefaultModel = defaultModel;
        Models = [defaultModel, .. list.Select(static r => r.Descriptor).Where(d => !ReferenceEquals(d, defaultModel))];
        Registrations = [.. Models.Select(m => _registrations[m.Id])];
    }

    /// <summary>The registrations in <see cref="Models"/> order, with where each model comes from.</summary>
    public IReadOnlyList<ModelRegistration> Registrations { get; }

    public IReadOnlyList<ModelDescriptor> Models { get; }

    public ModelDescriptor DefaultModel { get; }

    public bool TryGetModel(string modelId, out ModelDescriptor model)
    {
        if (_registrations.TryGetValue(modelId, out var registration))
        {
            model = registration.Descriptor;
            return true;
        }

        model = null!;
        return false;
    }

    public IChatClient GetChatClient(string modelId)
    {
        if (!_registrations.TryGetValue(modelId, out var registration))
        {
            throw new ModelNotFoundException(modelId);
        }

        return _clients.GetOrAdd(modelId, static (_, state) => new Lazy<IChatClient>(() => state.registration.Factory(state.services)), (registration, services: _services)).Value;
    }
}
