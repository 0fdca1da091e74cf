using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace GAgent.AspNetCore.Http;

/// <summary>
/// Serializes through the JSON source generator's fast path: the generated code that writes the properties straight to
/// the <see cref="Utf8JsonWriter"/>. The serializer itself only takes that path when the options match the ones the
/// code was generated for, and our wire contexts differ in one setting, <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>
/// (text as-is, as OpenAI writes it), so it walks the metadata instead, at several times the cost. The encoder only
/// decides how string values are escaped, and the writer applies it to every value the generated code writes; the
/// property names are plain ASCII, escaped the same by every encoder. So the bytes are the serializer's own (tests
/// compare them).
/// </summary>
internal static class GeneratedJson
{
    public static void Serialize<T>(Utf8JsonWriter writer, T value, JsonTypeInfo<T> typeInfo)
    {
        if (typeInfo.SerializeHandler is { } handler)
        {
            handler(writer, value);
        }
        else
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
        }
    }
}
