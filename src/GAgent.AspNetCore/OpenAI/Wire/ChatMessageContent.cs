using System.Text.Json;
using System.Text.Json.Serialization;

namespace GAgent.AspNetCore.OpenAI.Wire;

/// <summary>
/// A message's <c>content</c>: a string, read straight into <see cref="Text"/>, or any other JSON value (an array of
/// parts, or something invalid the mapper rejects) kept as <see cref="Value"/>. Most messages carry a string; reading
/// it as a string costs no <see cref="JsonDocument"/> per message.
/// </summary>
[JsonConverter(typeof(ChatMessageContentConverter))]
internal sealed class ChatMessageContent
{
    public ChatMessageContent(string text) => Text = text;

    public ChatMessageContent(JsonElement value) => Value = value;

    /// <summary>The content when it is a string; null otherwise.</summary>
    public string? Text { get; }

    /// <summary>The content when it is not a string (<see cref="JsonValueKind.Undefined"/> when it is).</summary>
    public JsonElement Value { get; }
}
