namespace GAgent.AspNetCore.Api.Wire;

/// <summary>One profile member a profile change sets, before and after.</summary>
internal sealed record LearningFieldChangeResponse(string Field, string? Before, string? After);
