using System.Text.Json;

namespace GAgent.AspNetCore.OpenAI.Responses.Wire;

/// <summary>Body of <c>GET /v1/responses/{id}/input_items</c> (ResponseItemList).</summary>
internal sealed record ResponseItemList(string Object, List<JsonElement> Data, string? FirstId, string? LastId, bool HasMore);
