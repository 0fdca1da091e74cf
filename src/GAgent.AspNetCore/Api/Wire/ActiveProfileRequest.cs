namespace GAgent.AspNetCore.Api.Wire;

/// <summary>Body of <c>PUT /api/profiles/active</c>.</summary>
internal sealed class ActiveProfileRequest
{
    public string? ProfileId { get; set; }
}
