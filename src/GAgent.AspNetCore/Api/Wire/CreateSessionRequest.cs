namespace GAgent.AspNetCore.Api.Wire;

/// <summary>Body of <c>POST /api/sessions</c> (optional).</summary>
internal sealed class CreateSessionRequest
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? ProfileId { get; set; }
}
