namespace GAgent.AspNetCore.Api.Wire;

/// <summary>Body of a successful <c>POST /api/media</c>: the stored files in upload order.</summary>
internal sealed record MediaUploadResponse(IReadOnlyList<MediaItemResponse> Items);
