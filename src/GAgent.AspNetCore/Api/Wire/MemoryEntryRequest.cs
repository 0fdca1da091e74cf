namespace GAgent.AspNetCore.Api.Wire;

/// <summary>Body of <c>POST /api/profiles/{id}/memory/entries</c>.</summary>
internal sealed class MemoryEntryRequest
{
    public string? Entry { get; set; }
}
