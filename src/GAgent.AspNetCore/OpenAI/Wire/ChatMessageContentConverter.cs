using System.Text.Json;
using System.Text.Json.Serialization;

namespace GAgent.AspNetCore.OpenAI.Wire;

/// <summary>Reads <see cref="ChatMessageContent"/> (a JSON null never reaches it: the property is then null) and writes it back as it came.</summary>
internal sealed class ChatMessageContentConverter : JsonConverter<ChatMessageContent>
{
    public override ChatMessageContent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => reader.TokenType == JsonTokenType.String ? new ChatMessageContent(reader.GetString()!) : new ChatMessageContent(JsonElement.ParseValue(ref reader));

    public override void Write(Utf8JsonWriter writer, ChatMessageContent value, JsonSerializerOptions options)
    {
        if (value.Text is { } text)
        {
            writer.WriteStringValue(text);
        }
        else
        {
            value.Value.WriteTo(writer);
        }
    }
}
