namespace GAgent.AspNetCore.Api.Wire;

/// <summary>Visual settings in a profile PUT or PATCH body; in a PATCH, absent members stay unchanged and empty strings clear.</summary>
internal sealed class ProfileVisualRequest
{
    public string? AvatarMediaId { get; set; }

    public string? AccentColor { get; set; }

    public string? Theme { get; set; }
}
