using GAgent.Models;
using GAgent.Tools;

namespace GAgent.Profiles;

/// <summary>
/// Checks what a profile refers to against this gateway: its model must be served and every tool it names must be
/// a registered tool or a built-in one. Stores check only the shape (<see cref="ProfileValidation"/>).
/// </summary>
internal sealed class ProfileReferenceValidator(IModelCatalog models, AgentToolbox toolbox)
{
    /// <summary>Every tool name a profile may refer to: the registered tools and the built-ins, sorted.</summary>
    public IReadOnlyList<string> KnownTools => [.. toolbox.Tools.Keys.Concat(BuiltInTools.Names).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Throws an <see cref="ArgumentException"/> naming the member and the valid choices when a reference is unknown.</summary>
    public void Validate(AgentProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.ModelId is { } modelId && !models.TryGetModel(modelId, out _))
        {
            throw Invalid($"'modelId' names the model '{modelId}', which this gateway does not serve. Available models: {string.Join(", ", models.Models.Select(static m => m.Id))}.", "modelId");
        }

        Check(profile.AllowedTools, "allowedTools");
        Check(profile.ToolsRequiringApproval, "toolsRequiringApproval");
    }

    private void Check(IReadOnlyList<string>? names, string member)
    {
        if (names is null)
        {
            return;
        }

        var unknown = names.Where(n => !toolbox.Tools.ContainsKey(n) && !BuiltInTools.Names.Contains(n)).ToList();
        if (unknown.Count > 0)
        {
            var known = KnownTools;
            throw Invalid($"'{member}' names unknown tools: {string.Join(", ", unknown)}. Known tools: {(known.Count == 0 ? "none" : string.Join(", ", known))}.", member);
        }
    }

    private static ArgumentException Invalid(string message, string member) => new(message, member);
}
