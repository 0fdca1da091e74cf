namespace GAgent.AspNetCore.OpenAI.Responses.Wire;

/// <summary>Body of <c>DELETE /v1/responses/{id}</c>.</summary>
internal sealed record ResponseDeleted(string Id, string Object, bool Deleted);
