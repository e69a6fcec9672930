using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Jixiao.Extract;

/// <summary>
/// String normalization in the spec's sense: labels compare after NFKC with all whitespace removed
/// (`运行⏎成本` → 运行成本, `合  计` → 合计); values are kept as written, only trimmed and cleaned of
/// export artifacts.
/// </summary>
public static partial class TextNorm
{
    /// <summary>
    /// The spec's comparison form (extraction.md, "What is scored"): NFKC, every whitespace removed (U+3000 and
    /// line breaks too), ≧/≦ read as ≥/≤. Search and history compare names in this form, so `公用经费 控制率`
    /// and `公用经费控制率` are the same indicator.
    /// </summary>
    public static string Normalize(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var n = NormalizeKC(s);
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

    /// <summary>A label for matching: NFKC, no whitespace, no trailing colon.</summary>
    public static string Label(string? s) =>
        string.IsNullOrEmpty(s) ? "" : OutputLabel(NormalizeKC(s));

    /// <summary>
    /// NFKC of <paramref name="s"/>; a lone surrogate (a damaged file decoded as UTF-16) makes .NET's Normalize
    /// throw, so it becomes U+FFFD first instead of failing the whole document.
    /// </summary>
    public static string NormalizeKC(string s)
    {
        try { return s.Normalize(NormalizationForm.FormKC); }
        catch (ArgumentException)
        {
            // UTF-8 has no lone surrogates: the round trip replaces each with U+FFFD.
            return Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(s)).Normalize(NormalizationForm.FormKC);
        }
    }

    /// <summary>A label as the output writes it: whitespace removed, trailing colon removed, otherwise as written.</summary>
    internal static string OutputLabel(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var ch in StripArtifacts(s))
            if (!char.IsWhiteSpace(ch) && ch != '\u200B' && ch != '\uFEFF') sb.Append(ch);
        var r = sb.ToString();
        while (r.Length > 0 && (r[^1] == ':' || r[^1] == '：')) r = r[..^1];
        return r;
    }

    /// <summary>A value as written, trimmed; null when empty or a "no value" mark (—, -, ／).</summary>
    internal static string? Value(string? s)
    {
        if (s is null) return null;
        s = StripArtifacts(s).Trim(' ', '\t', '\n', '\r', '\u3000', '\u00A0', '\u200B');
        if (s.Length == 0) return null;
        var l = Label(s);
        if (l.Length == 0 || Array.IndexOf(Vocab.Instance.NoValue, l) >= 0) return null;
        return s;
    }

    internal static string StripArtifacts(string s)
    {
        if (s.IndexOf('[') >= 0) s = Bookmark().Replace(s, "");
        return s;
    }

    /// <summary>Removes a trailing parenthesised remark: `长期目标（截止2026年）` → 长期目标.</summary>
    internal static string WithoutParenthesis(string label)
    {
        var r = Paren().Replace(label, "").TrimEnd(':', '：');
        return r.Length > 0 ? r : label;
    }

    /// <summary>The text inside a parenthesis that names a money unit (`项目资金（万元）` → 万元), or null.</summary>
    internal static string? UnitInParenthesis(string label)
    {
        var m = (_unitParen ??= new Regex(@"[（(][^（）()]*?(" + Vocab.Alternation(Vocab.Instance.MoneyUnits) + @")[）)]")).Match(label);
        return m.Success ? m.Groups[1].Value : null;
    }

    internal static bool IsNumber(string? s)
    {
        if (s is null) return false;
        var t = Label(s).Replace(",", "");
        return NumberRegex().IsMatch(t);
    }

    /// <summary>Template numbering a filer left in an indicator name: `指标1：群众满意率` → 群众满意率.</summary>
    internal static string WithoutTemplateNumber(string name)
    {
        var r = (_templateNumber ??= new Regex("^" + Regex.Escape(Vocab.Instance.IndicatorWord) + @"\s*\d+\s*[:：]\s*")).Replace(name, "");
        return r.Length > 0 ? r : name;
    }

    internal static bool HasDigit(string s) => s.Any(char.IsDigit);

    static Regex? _templateNumber;

    [GeneratedRegex(@"\[bookmark:[^\]]*\]")]
    private static partial Regex Bookmark();

    [GeneratedRegex(@"[（(][^（）()]*[）)]")]
    private static partial Regex Paren();

    /// <summary>A parenthesis naming a money unit of the vocabulary; built on first use.</summary>
    static Regex? _unitParen;

    [GeneratedRegex(@"^[+-]?\d+(\.\d+)?%?$")]
    private static partial Regex NumberRegex();
}
