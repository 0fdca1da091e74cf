namespace GAgent.AspNetCore.Api.Wire;

/// <summary>One stored file, with a signed URL relative to the app's path base.</summary>
internal sealed record MediaItemResponse(string Id, string MediaType, long Size, string FileName, string Sha256, string Url);
