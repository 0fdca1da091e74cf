using System.Text.Json;
using System.Text.Json.Serialization;

namespace GAgent.Responses;

/// <summary>Source-generated JSON of the response store's files.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StoredResponse))]
internal sealed partial class ResponseStoreJsonContext : JsonSerializerContext;
