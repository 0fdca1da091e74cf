using System.Text.Json;
using System.Text.Json.Serialization;

namespace GAgent.Sessions;

/// <summary>Source-generated metadata for the session files' own records (see <see cref="SessionJson"/> for how it is combined).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SessionHeaderRecord))]
[JsonSerializable(typeof(SessionMetaRecord))]
[JsonSerializable(typeof(StoredMessageRecord))]
internal sealed partial class SessionJsonContext : JsonSerializerContext;
