using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jixiao.Extract;

/// <summary>Reads and writes the spec's canonical JSON (UTF-8, Chinese unescaped, nulls written).</summary>
public static class CanonicalJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // Build-time metadata first (fast start); reflection for anything it does not cover.
        TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(
            CanonicalJsonContext.Default, new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver()),
    };

    /// <summary>The canonical JSON of an extraction (written by <see cref="CanonicalJsonWriter"/>, the same bytes as <see cref="Options"/> give).</summary>
    public static string Serialize(ExtractedDocument doc) => CanonicalJsonWriter.Write(doc);
    public static ExtractedDocument Deserialize(string json) => JsonSerializer.Deserialize<ExtractedDocument>(json, Options)!;
}
