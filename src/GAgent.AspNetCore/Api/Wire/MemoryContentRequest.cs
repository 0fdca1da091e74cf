namespace GAgent.AspNetCore.Api.Wire;

/// <summary>JSON body of <c>PUT /api/profiles/{id}/memory</c> (Markdown can also be sent as <c>text/markdown</c>).</summary>
internal sealed class MemoryContentRequest
{
    public string? Content { get; set; }
}
