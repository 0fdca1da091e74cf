namespace GAgent.Models;

/// <summary>The requested model is not configured.</summary>
public sealed class ModelNotFoundException : GAgentException
{
    /// <summary>Creates the exception.</summary>
    public ModelNotFoundException(string modelId)
        : base($"The model '{modelId}' does not exist. GET /v1/models lists the models this gateway serves.", "model_not_found") => ModelId = modelId;

    /// <summary>The id that was not found.</summary>
    public string ModelId { get; }
}
