using Microsoft.Extensions.AI;

namespace GAgent.Models;

/// <summary>The named models the gateway serves and the <see cref="IChatClient"/> behind each.</summary>
public interface IModelCatalog
{
    /// <summary>All models, default first.</summary>
    IReadOnlyList<ModelDescriptor> Models { get; }

    /// <summary>The model used when a request names none.</summary>
    ModelDescriptor DefaultModel { get; }

    /// <summary>Finds a model by id (case-sensitive, as OpenAI's are).</summary>
    bool TryGetModel(string modelId, out ModelDescriptor model);

    /// <summary>Returns the chat client of a model.</summary>
    /// <exception cref="ModelNotFoundException">No model has the id.</exception>
    IChatClient GetChatClient(string modelId);
}
