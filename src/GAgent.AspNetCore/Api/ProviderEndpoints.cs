using GAgent.AspNetCore.Api.Wire;
using GAgent.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GAgent.AspNetCore.Api;

/// <summary><c>GET /api/providers</c>: the configured providers and their models. Never keys: only the kind and the endpoint's host.</summary>
internal static class ProviderEndpoints
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/providers", List).WithName("GAgentListProviders");

    internal static IReadOnlyList<ProviderResponse> Describe(IModelCatalog models)
    {
        var registrations = models is ModelCatalog catalog
            ? catalog.Registrations.Select(static r => (r.Descriptor, Provider: r.Provider ?? new ModelProvider(r.Descriptor.IsDemo ? "demo" : "custom")))
            : models.Models.Select(static d => (Descriptor: d, Provider: new ModelProvider(d.IsDemo ? "demo" : "custom")));
        return
        [
            .. registrations
                .GroupBy(static r => (r.Provider.Kind, r.Provider.Host))
                .Select(g => new ProviderResponse(
                    g.Key.Host is null ? g.Key.Kind : $"{g.Key.Kind} ({g.Key.Host})",
                    g.Key.Kind,
                    g.Key.Host,
                    [.. g.Select(r => new ProviderModelResponse(
                        r.Descriptor.Id,
                        r.Provider.UpstreamModel == r.Descriptor.Id ? null : r.Provider.UpstreamModel,
                        r.Descriptor.Description,
                        r.Descriptor.Id == models.DefaultModel.Id,
                        r.Descriptor.IsDemo))])),
        ];
    }

    private static JsonHttpResult<ProviderListResponse> List(IModelCatalog models)
        => TypedResults.Json(new ProviderListResponse(Describe(models), models.DefaultModel.Id), ApiJson.Context.ProviderListResponse);
}
