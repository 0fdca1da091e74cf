using System.ComponentModel.DataAnnotations;

namespace GAgent.Configuration;

/// <summary>Profile memory (<c>GAgent:Memory</c>).</summary>
public sealed class MemoryOptions
{
    /// <summary>The most characters one memory document may hold. Default 64 Ki.</summary>
    [Range(1_024, 16 * 1024 * 1024)]
    public int MaxDocumentChars { get; set; } = 64 * 1024;

    /// <summary>The most characters of memory put into the model's context (the newest part when longer). Default 8 Ki.</summary>
    [Range(0, 1024 * 1024)]
    public int MaxContextChars { get; set; } = 8 * 1024;

    /// <summary>The most characters of one entry added with <c>remember</c> or <c>POST /api/profiles/{id}/memory/entries</c>.</summary>
    [Range(16, 64 * 1024)]
    public int MaxEntryChars { get; set; } = 2_000;

    /// <summary>Offer the built-in <c>remember</c> and <c>recall</c> tools to the model (subject to each profile's allowed tools).</summary>
    public bool Tools { get; set; } = true;
}
