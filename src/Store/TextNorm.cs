using System.Text;

namespace Jixiao.Store;

/// <summary>
/// The spec's string normalization (extraction.md, "What is scored"): Unicode NFKC, every whitespace
/// removed (U+3000 and line breaks too), ≧/≦ read as ≥/≤. Search and history compare names in this form,
/// so `公用经费 控制率` and `公用经费控制率` are the same indicator.
/// </summary>
public static class TextNorm
{
    public static string Normalize(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        // A lone surrogate (damaged input) makes Normalize throw; the UTF-8 round trip turns it into U+FFFD.
        string n;
        try { n = s.Normalize(NormalizationForm.FormKC); }
        catch (ArgumentException) { n = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(s)).Normalize(NormalizationForm.FormKC); }
        var sb = new StringBuilder(n.Length);
        foreach (var c in n)
        {
            if (char.IsWhiteSpace(c) || c == '\u200B' || c == '\uFEFF') continue;
            sb.Append(c switch { '≧' => '≥', '≦' => '≤', _ => c });
        }
        return sb.ToString();
    }

    /// <summary>Normalized and lower-cased, for case-insensitive substring filters (department, kind).</summary>
    public static string Fold(string? s) => Normalize(s).ToLowerInvariant();
}
