namespace GAgent.AspNetCore.Api.Wire;

/// <summary>The <c>memory</c> proposal of a learning request.</summary>
internal sealed class LearningMemoryRequest
{
    public string? ProfileId { get; set; }

    public string? Scope { get; set; }

    public string? Entry { get; set; }
}
