using System.Globalization;
using System.Text.RegularExpressions;

namespace Jixiao.Extract;

/// <summary>
/// Reads a written value (`≥95%`, `=100%`, `≤1018.55万元`, `约30天`, `95%以上`, `≥50万头（只）`, `定性`,
/// `有所提升`) as comparator, number and unit; text without a number is qualitative.
/// </summary>
public static class ValueParser
{
    public static ParsedValue? Parse(string? written)
    {
        if (written is null) return null;
        var s = TextNorm.Normalize(written).Replace(">=", "≥").Replace("<=", "≤");
        if (s.Length == 0) return null;
        var m = Shape().Match(s);
        if (!m.Success) return new ParsedValue(null, null, null, Qualitative: true);
        var op = Comparator(m.Groups["op"].Value) ?? Comparator(m.Groups["post"].Value);
        if (!double.TryParse(m.Groups["num"].Value.Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var num))
            return new ParsedValue(op, null, null, true);
        var unit = m.Groups["unit"].Value;
        return new ParsedValue(op, num, unit.Length == 0 ? null : unit, false);
    }

    /// <summary>The comparator a written operator means: a sign is itself, a word is looked up in the vocabulary (values.json).</summary>
    static string? Comparator(string written)
    {
        if (written.Length == 0) return null;
        var v = Vocab.Instance;
        return v.ComparatorBefore.GetValueOrDefault(written) ?? v.ComparatorAfter.GetValueOrDefault(written) ?? written;
    }

    /// <summary>
    /// comparator, number, unit, comparator word after: the words come from the vocabulary, so the pattern is built
    /// once, on first use (interpreted: building it costs less than compiling it, and a value is a short string).
    /// </summary>
    static Regex Shape() => _shape ??= new Regex(
        @"^(?<op>≥|≤|>|<|=|" + Vocab.Alternation(Vocab.Instance.ComparatorBefore.Keys) + @")?(?<num>[+-]?\d[\d,]*(\.\d+)?)" +
        @"(?<unit>%|‰|[\p{IsCJKUnifiedIdeographs}a-zA-Z²³/（）()]{0,8}?)(?<post>" + Vocab.Alternation(Vocab.Instance.ComparatorAfter.Keys) + @")?$",
        RegexOptions.CultureInvariant);

    static Regex? _shape;
}
