using System.Text.Json.Serialization;

namespace GAgent.LoadTest;

/// <summary>Source-generated JSON for the report.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(LoadReport))]
internal sealed partial class LoadJsonContext : JsonSerializerContext;
