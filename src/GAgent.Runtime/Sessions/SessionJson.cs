using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.AI;

namespace GAgent.Sessions;

/// <summary>The serializer settings of the session files, built once.</summary>
internal static class SessionJson
{
    /// <summary>
    /// Copies <see cref="AIJsonUtilities.DefaultOptions"/> (camelCase, relaxed escaping, AIContent polymorphism) and puts
    /// the source-generated session records in front of its resolver.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static JsonTypeInfo<StoredMessageRecord> Message { get; } = (JsonTypeInfo<StoredMessageRecord>)Options.GetTypeInfo(typeof(StoredMessageRecord));

    public static JsonTypeInfo<SessionHeaderRecord> Header { get; } = (JsonTypeInfo<SessionHeaderRecord>)Options.GetTypeInfo(typeof(SessionHeaderRecord));

    public static JsonTypeInfo<SessionMetaRecord> Meta { get; } = (JsonTypeInfo<SessionMetaRecord>)Options.GetTypeInfo(typeof(SessionMetaRecord));

    private static readonly JsonWriterOptions LineWriterOptions = new() { Encoder = Options.Encoder, Indented = false };

    /// <summary>Writes each record as one UTF-8 line ending with '\n' (JSON escapes control characters, so a record never spans lines).</summary>
    public static void WriteLines<T>(IBufferWriter<byte> buffer, IEnumerable<T> records, JsonTypeInfo<T> typeInfo)
    {
        using var writer = new Utf8JsonWriter(buffer, LineWriterOptions);
        foreach (var record in records)
        {
            JsonSerializer.Serialize(writer, record, typeInfo);
            writer.Flush();
            buffer.Write("\n"u8);
            writer.Reset(buffer);
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(AIJsonUtilities.DefaultOptions)
        {
            WriteIndented = false,
            TypeInfoResolver = JsonTypeInfoResolver.Combine(SessionRecordsTypeInfoResolver.Instance, AIJsonUtilities.DefaultOptions.TypeInfoResolver),
        };
        options.MakeReadOnly();
        return options;
    }
}
