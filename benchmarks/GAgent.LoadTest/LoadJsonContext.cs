using System.Text.Json.Serialization;

namespace GAgent.LoadTest;

/// <summary>Source-generated JSON for the report and the few requests the harness builds.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(LoadReport))]
[JsonSerializable(typeof(SessionRequest))]
[JsonSerializable(typeof(ScaleReport))]
internal sealed partial class LoadJsonContext : JsonSerializerContext;
