namespace GAgent.AspNetCore.Api.Wire;

/// <summary>JSON body of a Markdown document upload (<c>PUT /api/profiles/{id}/memory</c>, <c>PUT /api/skills/{id}</c>); the text can also be sent as <c>text/markdown</c>.</summary>
internal sealed class DocumentContentRequest
{
    public string? Content { get; set; }
}
