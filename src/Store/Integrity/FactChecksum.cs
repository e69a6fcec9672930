using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Jixiao.Extract;

namespace Jixiao.Store;

/// <summary>
/// The checksum of a document's canonical facts: its forms (fields, budget facts, goals, projects, indicators
/// with their values, sources, confidences and review flags), serialised as canonical JSON and hashed with
/// SHA-256. It depends on the forms alone, not on how a backend stores them, so any archive (LiteDB,
/// PostgreSQL) computes it the same way: when storing a document, from the forms as they will be read back,
/// and in `verify`, from the forms as read. A bit flipped inside a stored record changes the facts and so
/// the checksum (一 bit turned 全年执行数 into 䅨年执行数 and nothing noticed before).
/// </summary>
public static class FactChecksum
{
    static readonly JsonSerializerOptions Canonical = new()
    {
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Of(IEnumerable<Form> forms)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(forms.ToList(), Canonical);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(json));
    }
}
