namespace GAgent.AspNetCore.Api.Wire;

/// <summary>A profile as the control API shows it. <c>allowedTools</c> is absent when every tool is allowed (<c>allToolsAllowed</c>).</summary>
internal sealed record ProfileResponse(
    string Id,
    string Name,
    string? Description,
    string? Persona,
    string? ModelId,
    string ModelAlias,
    IReadOnlyList<string>? AllowedTools,
    bool AllToolsAllowed,
    IReadOnlyList<string> ToolsRequiringApproval,
    string MemoryScope,
    ProfileVisualResponse Visual,
    bool Active,
    bool BuiltIn,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
