namespace GAgent.AspNetCore.Api.Wire;

/// <summary>Body of <c>PUT /api/profiles/{id}</c>: the whole profile (absent members take their defaults).</summary>
internal sealed class PutProfileRequest
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? Persona { get; set; }

    public string? ModelId { get; set; }

    public List<string>? AllowedTools { get; set; }

    public List<string>? ToolsRequiringApproval { get; set; }

    public string? MemoryScope { get; set; }

    public ProfileVisualRequest? Visual { get; set; }
}
