using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Jixiao.Ingest.Sheet;

/// <summary>
/// Renders a numeric cell the way the sheet shows it under its number format code, so a cell
/// showing <c>100%</c> reads "100%" and not "1". Shared by the xlsx and xls readers.
/// Column-width effects (padding, fill, "####") are not reproduced; the result is trimmed.
/// </summary>
internal static class NumberFormatter
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    static readonly ConcurrentDictionary<string, List<FormatSection>> Parsed = new();

    /// <summary>
    /// Formats <paramref name="value"/> with <paramref name="formatCode"/> (null or empty = General).
    /// <paramref name="raw"/> is the number as stored in the file, when known: General keeps its
    /// integer digits exactly (21-digit project codes stored as numbers).
    /// </summary>
    public static string Format(double value, string? formatCode, bool date1904 = false, string? raw = null)
    {
        if (double.IsNaN(value) || double.IsInfinity(value)) return raw ?? "#NUM!";
        if (string.IsNullOrWhiteSpace(formatCode)) return General(value, raw);
        var sections = Parsed.GetOrAdd(formatCode, FormatSection.ParseCode);
        var (section, abs) = Choose(sections, value);
        if (section is null) return General(value, raw);
        // Excel drops the sign when a section of its own handles negatives.
        double shown = abs ? Math.Abs(value) : value;
        string? shownRaw = raw is null || shown < 0 ? raw : raw.TrimStart('-');
        string text;
        if (section.IsGeneral) text = GeneralIn(section, shown, shownRaw);
        else if (section.IsDate) text = DateFormatRenderer.Render(section, shown, date1904) ?? General(value, raw);
        else if (section.IsText || IsFraction(section)) text = General(value, raw);
        else text = RenderNumber(section, shown, shownRaw);
        return text.Trim();
    }

    /// <summary>Resolves a cell's format code from its numFmtId and the file's own definitions.</summary>
    public static string? CodeFor(int numFmtId, IReadOnlyDictionary<int, string>? custom) =>
        custom is not null && custom.TryGetValue(numFmtId, out var code) ? code : BuiltInNumberFormats.Get(numFmtId);

    // Fractions (# ?/?) are rare in these forms; the decimal value is the faithful fallback.
    static bool IsFraction(FormatSection s) => s.Tokens.Any(t => t.Kind == FormatTokenKind.Char && t.Text == "/");

    static (FormatSection?, bool) Choose(List<FormatSection> s, double v)
    {
        var numeric = s.Take(3).ToList();
        if (numeric.Count == 0) return (null, false);
        if (numeric.Any(x => x.HasCondition))
        {
            // [>=100]…;[<0]…;…: the first section whose condition holds, else the unconditioned one.
            foreach (var sec in numeric.Where(x => x.HasCondition))
                if (sec.Matches(v)) return (sec, false);
            return (numeric.FirstOrDefault(x => !x.HasCondition) ?? numeric[^1], false);
        }
        if (numeric.Count == 1) return (numeric[0], false);
        if (v < 0) return (numeric[1], true);
        if (v == 0 && numeric.Count == 3) return (numeric[2], true);
        return (numeric[0], false);
    }

    /// <summary>
    /// General: integers print all their digits (never 1.2E+20 below 1e21); other values print the
    /// 15 significant digits Excel keeps, so 0.1+0.2 reads 0.3 as it does on screen.
    /// </summary>
    public static string General(double v, string? raw = null)
    {
        if (raw is not null && TryIntegerLiteral(raw, out var digits)) return digits;
        if (v == Math.Floor(v) && Math.Abs(v) < 1e21) return ExpandExponent(v.ToString("R", Inv));
        var g = v.ToString("G15", Inv);
        return g.Contains('E') && Math.Abs(v) >= 1e-9 && Math.Abs(v) < 1e21 ? ExpandExponent(g) : g;
    }

    static string GeneralIn(FormatSection section, double v, string? raw)
    {
        var sb = new StringBuilder();
        foreach (var t in section.Tokens)
            sb.Append(t.Kind == FormatTokenKind.General ? General(v, raw) : t.Text);
        return sb.ToString();
    }

    /// <summary>"2658000.0", "-12", "440306231391500000173" → integer digits without a fraction.</summary>
    static bool TryIntegerLiteral(string raw, out string digits)
    {
        digits = "";
        var s = raw.Trim();
        int dot = s.IndexOf('.');
        var whole = dot < 0 ? s : s[..dot];
        if (dot >= 0 && s[(dot + 1)..].Any(c => c != '0')) return false;
        var body = whole.StartsWith('-') ? whole[1..] : whole;
        if (body.Length == 0 || !body.All(char.IsAsciiDigit)) return false;
        body = body.TrimStart('0');
        digits = body.Length == 0 ? "0" : (whole.StartsWith('-') ? "-" : "") + body;
        return true;
    }

    /// <summary>"4.403062313915E+20" → "440306231391500000000"; "1.5E-05" → "0.000015".</summary>
    static string ExpandExponent(string s)
    {
        int e = s.IndexOfAny(new[] { 'E', 'e' });
        if (e < 0) return s;
        bool neg = s.StartsWith('-');
        var mant = s[(neg ? 1 : 0)..e];
        int exp = int.Parse(s[(e + 1)..], Inv);
        int dot = mant.IndexOf('.');
        var digits = mant.Replace(".", "");
        int pointAt = (dot < 0 ? mant.Length : dot) + exp;
        string result;
        if (pointAt <= 0) result = "0." + new string('0', -pointAt) + digits;
        else if (pointAt >= digits.Length) result = digits + new string('0', pointAt - digits.Length);
        else result = digits[..pointAt] + "." + digits[pointAt..];
        if (result.Contains('.')) result = result.TrimEnd('0').TrimEnd('.');
        return (neg ? "-" : "") + result;
    }

    static string RenderNumber(FormatSection section, double v, string? raw)
    {
        var p = NumberPattern.From(section);
        bool negative = v < 0;
        v = Math.Abs(v) * Math.Pow(100, p.Percent) / Math.Pow(1000, p.Scale);
        // A code stored as a long integer under "0" or "#,##0" keeps the digits the file holds.
        string? digits = raw is not null && p.Percent == 0 && p.Scale == 0 && TryIntegerLiteral(raw, out var d) ? d.TrimStart('-') : null;
        string number = !p.HasDigits ? "" : p.Exponent ? Scientific(p, v) : Fixed(p, v, digits, ref negative);
        return (negative ? "-" : "") + p.Prefix + number + p.Suffix;
    }

    static string Fixed(NumberPattern p, double v, string? integerDigits, ref bool negative)
    {
        string intPart, frac;
        if (integerDigits is not null && integerDigits.Length > 15)
        {
            intPart = integerDigits;
            frac = new string('0', p.FracMax);
        }
        else if (v < 7.9e27)
        {
            // decimal keeps Excel's 15 significant digits and rounds half away from zero as Excel does.
            var d = Math.Round((decimal)v, Math.Min(p.FracMax, 28), MidpointRounding.AwayFromZero);
            if (d == 0) negative = false;
            var s = d.ToString("F" + p.FracMax, Inv);
            int dot = s.IndexOf('.');
            intPart = dot < 0 ? s : s[..dot];
            frac = dot < 0 ? "" : s[(dot + 1)..];
        }
        else
        {
            intPart = General(Math.Round(v));
            frac = new string('0', p.FracMax);
        }
        int keep = frac.Length;
        while (keep > p.FracMin && frac[keep - 1] == '0') keep--;
        frac = frac[..keep];
        if (intPart == "0" && p.IntZeros == 0) intPart = "";
        if (intPart.Length < p.IntZeros) intPart = new string('0', p.IntZeros - intPart.Length) + intPart;
        if (p.Grouping) intPart = Group(intPart);
        return p.Point ? intPart + "." + frac : intPart;
    }

    static string Scientific(NumberPattern p, double v)
    {
        int exp = v == 0 ? 0 : (int)Math.Floor(Math.Log10(v));
        // ##0.0E+0 (engineering) keeps the exponent a multiple of the integer placeholder count.
        int step = p.IntPlaceholders > 1 && p.IntZeros < p.IntPlaceholders ? p.IntPlaceholders : 1;
        if (step > 1) exp = (int)Math.Floor(exp / (double)step) * step;
        double mant = v == 0 ? 0 : v / Math.Pow(10, exp);
        mant = Math.Round(mant, p.FracMax, MidpointRounding.AwayFromZero);
        if (step == 1 && mant >= 10) { mant /= 10; exp++; }
        var s = mant.ToString("F" + p.FracMax, Inv);
        int dot = s.IndexOf('.');
        var frac = dot < 0 ? "" : s[(dot + 1)..];
        int keep = frac.Length;
        while (keep > p.FracMin && frac[keep - 1] == '0') keep--;
        var m = (dot < 0 ? s : s[..dot]) + (p.Point ? "." + frac[..keep] : "");
        var e = Math.Abs(exp).ToString(new string('0', Math.Max(1, p.ExpDigits)), Inv);
        return m + "E" + (exp < 0 ? "-" : p.ExpPlus ? "+" : "") + e;
    }

    static string Group(string digits)
    {
        if (digits.Length <= 3) return digits;
        var sb = new StringBuilder();
        int first = digits.Length % 3;
        if (first > 0) sb.Append(digits, 0, first);
        for (int i = first; i < digits.Length; i += 3)
        {
            if (sb.Length > 0) sb.Append(',');
            sb.Append(digits, i, 3);
        }
        return sb.ToString();
    }
}
