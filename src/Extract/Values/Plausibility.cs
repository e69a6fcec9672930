using System.Globalization;

namespace Jixiao.Extract;

/// <summary>
/// Values that cannot be what their column says are flagged for review, never dropped or changed: a
/// percentage over 100 for a share (率, 满意度… from Vocabulary/plausibility.json), and a percentage whose
/// first digit looks like a misread comparator (`290%` where the form printed `≥90%`: the value without that
/// digit is a plausible share). Runs once per form, after the values are final.
/// </summary>
internal static class Plausibility
{
    public static void Check(Form form)
    {
        foreach (var i in form.Indicators)
        {
            var name = string.Join(" ", new[] { i.Level3, i.Level2 }.Where(x => x is not null));
            Check(name, "target", i.Target, i.FlagForReview);
            Check(name, "actual", i.Actual, i.FlagForReview);
            foreach (var (year, value) in i.History) Check(name, year, value, i.FlagForReview);
        }
        foreach (var b in form.Budget)
            Check(b.Item + " " + b.Column, b.Column ?? "value", b.Value, b.FlagForReview);
    }

    /// <summary>The reason a value of column <paramref name="what"/> is implausible for <paramref name="name"/>, or null.</summary>
    public static string? Problem(string name, string what, string? value)
    {
        if (value is null || ValueParser.Parse(value) is not { Number: double n, Unit: "%" } parsed || n <= 100) return null;
        if (Vocab.Instance.MayExceed100.Any(name.Contains)) return null;
        if (parsed.Comparator is null && MisreadComparator(value) is not null)
            return $"comparator misread as digit? {what} {value}";
        if (Vocab.Instance.ShareWords.Any(name.Contains)) return $"share over 100%: {what} {value}";
        return null;
    }

    /// <summary>
    /// `290%`: a percentage whose first digit is one OCR reads for a comparator (Vocabulary/plausibility.json) and
    /// whose rest is a share (1–100%). Returns that digit and the share (`2`, 90), or null. The one detector of a
    /// misread comparator: the review flag above and OCR's repair (OcrValueRepair.Target) both ask it.
    /// </summary>
    public static (char Digit, double Share)? MisreadComparator(string value)
    {
        var written = TextNorm.Label(value);
        if (written.Length <= 2 || !written.EndsWith('%') || !Vocab.Instance.ComparatorDigits.Contains(written[..1]) || written[1] == '0') return null;
        return double.TryParse(written[1..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var rest) && rest <= 100
            ? (written[0], rest)
            : null;
    }

    static void Check(string name, string what, string? value, Action<string> flag)
    {
        if (Problem(name, what, value) is { } reason) flag(reason);
    }
}
