namespace GAgent.AspNetCore.OpenAI.Responses;

/// <summary>
/// The fixed bytes of an output text's per-token events: before the sequence number, between it and the text, and
/// after the text; valid for the item and indexes it was cut for.
/// </summary>
internal readonly record struct TextDeltaFrame(string? ItemId, int? OutputIndex, int? ContentIndex, byte[] Head, byte[] Middle, byte[] Tail);
