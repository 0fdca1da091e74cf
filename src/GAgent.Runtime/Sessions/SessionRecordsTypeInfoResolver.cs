using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace GAgent.Sessions;

/// <summary>
/// Answers only for the session records themselves. <see cref="SessionJsonContext"/> also generates metadata for the
/// Microsoft.Extensions.AI types the records reference, but those must come from
/// <see cref="Microsoft.Extensions.AI.AIJsonUtilities.DefaultOptions"/>, which knows content types registered at run time.
/// </summary>
internal sealed class SessionRecordsTypeInfoResolver : IJsonTypeInfoResolver
{
    public static SessionRecordsTypeInfoResolver Instance { get; } = new();

    public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) =>
        type == typeof(StoredMessageRecord) || type == typeof(SessionHeaderRecord) || type == typeof(SessionMetaRecord)
            ? ((IJsonTypeInfoResolver)SessionJsonContext.Default).GetTypeInfo(type, options)
            : null;
}
