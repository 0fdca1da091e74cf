using System.Text.Json;
using System.Text.Json.Serialization;

namespace GAgent.Media;

/// <summary>Source-generated JSON of the file media store's sidecars.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(MediaInfo))]
internal sealed partial class MediaJsonContext : JsonSerializerContext;
