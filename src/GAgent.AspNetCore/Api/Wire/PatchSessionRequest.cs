namespace GAgent.AspNetCore.Api.Wire;

/// <summary>Body of <c>PATCH /api/sessions/{id}</c>: absent members stay unchanged.</summary>
internal sealed class PatchSessionRequest
{
    public string? Title { get; set; }

    public bool? Pinned { get; set; }

    public string? ProfileId { get; set; }
}
