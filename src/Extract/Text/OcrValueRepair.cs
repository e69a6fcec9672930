using System.Globalization;
using System.Text.RegularExpressions;

namespace Jixiao.Extract;

/// <summary>
/// Repairs an OCR'd value from the role of the column it was read into and the shape a value of that
/// role has. Each rule names what it changed, so the value can be flagged with the evidence. A value
/// no rule recognises is left as read.
/// </summary>
internal static partial class OcrValueRepair
{
    /// <summary>A target or actual value (comparator, number, unit): ≥/≤ spelled out or misread, percent signs.</summary>
    public static string? Target(string? value, out string? repair)
    {
        repair = null;
        if (string.IsNullOrEmpty(value)) return value;
        string v = value;
        // Comparators typed or read as two characters, or in their full-width forms.
        v = SpelledGreater().Replace(v, "≥");
        v = SpelledLess().Replace(v, "≤");
        v = v.Replace('≧', '≥').Replace('≦', '≤');
        // A percent sign read as o/o, 0/0 or °/o, or in its full-width form.
        v = BrokenPercent().Replace(v, "$1%");
        v = v.Replace('％', '%');
        // ≥ read as a leading 2 in front of a rate: 295% cannot be a rate, ≥95% is the form's usual target
        // (only for the rates such targets have, 50–100%, so that a real 200% stays). The detector is
        // Plausibility's, which flags the same misreading where no repair applies (7 or 3 for a comparator).
        if (Plausibility.MisreadComparator(v) is ('2', >= 50))
            v = "≥" + TextNorm.Label(v)[1..];
        v = WithoutSpecksInValue(v);
        if (v != value) repair = $"repaired: {value}→{v}";
        return v;
    }

    /// <summary>
    /// Specks read as marks where a value's shape leaves no room for one: between a word and its number (已于.2025年),
    /// between a number and its unit (1-次), before the value (o4次) or after its last word or percent sign (圆满完成+.?,
    /// 0次…), and a letter inside a number where a speck touched a 0 (1Q0%). A range (1-2次), a fraction (.5) and a
    /// sentence's 。 keep their marks.
    /// </summary>
    static string WithoutSpecksInValue(string v)
    {
        v = SpeckBeforeNumber().Replace(v, "");
        v = SpeckBeforeUnit().Replace(v, "");
        v = LetterInNumber().Replace(v, "0");
        v = LeadingSpeck().Replace(v, "");
        return TrailingSpeck().Replace(v, "");
    }

    /// <summary>A value of nothing but marks (a speck read in an empty cell: +, ., ·): no value.</summary>
    public static string? Text(string? value, out string? repair)
    {
        repair = null;
        if (string.IsNullOrWhiteSpace(value) || value.Any(char.IsLetterOrDigit)) return value;
        repair = $"repaired: {value}→(none)";
        return null;
    }

    /// <summary>
    /// A bare number (a weight, a score): a speck read as a mark beside it (`8-`, `20*`, `*10`) goes when what is left
    /// is a number. A leading minus or point stays: a deduction or a fraction may be written so.
    /// </summary>
    public static string? Number(string? value, out string? repair)
    {
        repair = null;
        if (string.IsNullOrEmpty(value)) return value;
        var v = WithoutSpeckMarks(value);
        if (v == value || !IsNumber(v)) return value;
        repair = $"repaired: {value}→{v}";
        return v;
    }

    static string WithoutSpeckMarks(string value) => value.Trim().TrimEnd(TrailingSpecks).TrimStart(LeadingSpecks);

    static readonly char[] TrailingSpecks = "-—*+.·'`:：~,，、".ToCharArray();
    static readonly char[] LeadingSpecks = "*+·'`:：~,，、".ToCharArray();

    static bool IsNumber(string v) => double.TryParse(v.Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    /// <summary>
    /// A money amount: a colon or comma read for the decimal point between digits, a point read twice, O/o/D read
    /// for 0, a speck read as a mark after the number.
    /// </summary>
    public static string Money(string value, out string? repair)
    {
        repair = null;
        // Spaces the recogniser put inside a number or before a speck after it (120. 00 *).
        string v = SpaceInNumber().Replace(value.Trim(), "");
        v = ColonPoint().Replace(v, "$1.$2");
        v = DoublePoint().Replace(v, "$1.$2");
        if (!v.EndsWith('%')) v = v.TrimEnd(TrailingSpecks);
        if (LetterDigits().IsMatch(v)) v = LetterZero().Replace(v, "0");
        if (v != value && IsNumber(v))
        {
            repair = $"repaired: {value}→{v}";
            return v;
        }
        return value;
    }

    /// <summary>
    /// Checkbox lists: OCR reads the empty box □ as 口, 〇 or O. Such a mark counts as a box only where the
    /// text is an option list (the mark starts an option, and the list has at least two marks).
    /// </summary>
    public static string Checkboxes(string text, out string? repair)
    {
        repair = null;
        var marks = BoxLike().Matches(text);
        int boxes = marks.Count + text.Count(c => c is '□' or '☑' or '√' or '■' or '☐' or '✓' or '☒');
        if (marks.Count == 0 || boxes < 2) return text;
        var v = BoxLike().Replace(text, m => m.Groups[1].Value + "□");
        repair = $"repaired: {text}→{v}";
        return v;
    }

    [GeneratedRegex(@"(?:>=|=>|＞=|》=|>＝|＞＝)")]
    private static partial Regex SpelledGreater();

    [GeneratedRegex(@"(?:<=|=<|＜=|《=|<＝|＜＝)")]
    private static partial Regex SpelledLess();

    [GeneratedRegex(@"(\d)\s*(?:°/o|o/o|0/0|%o|°/0|o/0)$")]
    private static partial Regex BrokenPercent();

    [GeneratedRegex(@"(?<=[\d.])\s+(?=[\d.]|[-—*+.·'`]+$)")]
    private static partial Regex SpaceInNumber();

    [GeneratedRegex(@"(?<=[\u4e00-\u9fff])[.·'`](?=\d)")]
    private static partial Regex SpeckBeforeNumber();

    [GeneratedRegex(@"(?<=\d)[-—*+·'`]+(?=[\u4e00-\u9fff%])")]
    private static partial Regex SpeckBeforeUnit();

    [GeneratedRegex(@"(?<=\d)[OoQ](?=\d)")]
    private static partial Regex LetterInNumber();

    [GeneratedRegex(@"^[o°·'`,，、*+]+\s*(?=[≥≤<>=＝\d])")]
    private static partial Regex LeadingSpeck();

    [GeneratedRegex(@"(?<=[\u4e00-\u9fff%])\s*[-—+*·'`?？~.…][-—+*·'`?？~.…\s]*$")]
    private static partial Regex TrailingSpeck();

    [GeneratedRegex(@"(\d)[:：](\d{1,2})$")]
    private static partial Regex ColonPoint();

    [GeneratedRegex(@"(\d)\.{2,}(\d)")]
    private static partial Regex DoublePoint();

    [GeneratedRegex(@"^\d*[OoD]\d|\d[OoD]\d*$|\d[OoD]\.|\.\d*[OoD]")]
    private static partial Regex LetterDigits();

    [GeneratedRegex(@"(?<=[\d.])[OoD]|[OoD](?=[\d.])")]
    private static partial Regex LetterZero();

    // 口/〇/O at the start of an option: at the start of the text, or after a space, 、, ；, a digit or a closing mark.
    [GeneratedRegex(@"(^|[\s、；;，,:：\d.）)])[口〇O](?=[\u4e00-\u9fff])")]
    private static partial Regex BoxLike();
}
