namespace GAgent.Profiles;

/// <summary>The content of the file store's <c>.active.json</c>.</summary>
internal sealed record ActiveProfileRecord(string ProfileId);
