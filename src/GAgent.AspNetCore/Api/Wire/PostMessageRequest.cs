namespace GAgent.AspNetCore.Api.Wire;

/// <summary>Body of <c>POST /api/sessions/{id}/messages</c>.</summary>
internal sealed class PostMessageRequest
{
    /// <summary>The user's text.</summary>
    public string? Content { get; set; }

    /// <summary>Model (or profile) override for this run.</summary>
    public string? Model { get; set; }

    /// <summary>Ids of uploaded media (<c>POST /api/media</c>) attached to the message.</summary>
    public IReadOnlyList<string>? Attachments { get; set; }
}
