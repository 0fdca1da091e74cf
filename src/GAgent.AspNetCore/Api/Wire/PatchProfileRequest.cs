using System.Text.Json;

namespace GAgent.AspNetCore.Api.Wire;

/// <summary>
/// Body of <c>PATCH /api/profiles/{id}</c>: absent members stay unchanged, empty strings clear optional text, and
/// <c>"allowedTools": null</c> allows every tool again (hence a raw element: absent and null differ).
/// </summary>
internal sealed class PatchProfileRequest
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? Persona { get; set; }

    public string? ModelId { get; set; }

    public JsonElement AllowedTools { get; set; }

    public List<string>? ToolsRequiringApproval { get; set; }

    public string? MemoryScope { get; set; }

    public ProfileVisualRequest? Visual { get; set; }
}
