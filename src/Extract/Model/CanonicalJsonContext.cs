using System.Text.Json.Serialization;

namespace Jixiao.Extract;

/// <summary>
/// The canonical JSON's type metadata, generated at build time: a one-file `jixiao extract --json` otherwise
/// spends about a third of its run building serializers by reflection. Same names and rules as
/// <see cref="CanonicalJson.Options"/>, which uses it.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never, WriteIndented = true)]
[JsonSerializable(typeof(ExtractedDocument))]
internal sealed partial class CanonicalJsonContext : JsonSerializerContext;
