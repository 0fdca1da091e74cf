namespace GAgent.Models;

/// <summary>Models that come from configuration rather than builder calls; they are listed before builder-added ones.</summary>
internal interface IModelSource
{
    IEnumerable<ModelRegistration> GetModels();
}
