using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Jixiao.Extract;

/// <summary>
/// Values that cannot be what their column says are flagged for review, never dropped or changed: a
/// percentage over 100 for a share (率, 满意度… from Vocabulary/plausibility.json), and a percentage whose
/// first digit looks like a misread comparator (`290%` where the form printed `≥90%`: the value without that
/// digit is a plausible share). Runs once per form, after the values are final.
/// </summary>
internal static class Plausibility
{
    sealed record Words(string[] Share, string[] MayExceed, string[] ComparatorDigits);

    static readonly Words Vocabulary = Load();

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
        if (Vocabulary.MayExceed.Any(name.Contains)) return null;
        var written = TextNorm.Label(value);
        // `290%`: no comparator written, the first digit one OCR reads for a comparator, the rest a share.
        if (parsed.Comparator is null && written.Length > 2 && Vocabulary.ComparatorDigits.Contains(written[..1]) && written[1] != '0'
            && double.TryParse(written[1..].TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var rest) && rest <= 100)
            return $"comparator misread as digit? {what} {value}";
        if (Vocabulary.Share.Any(name.Contains)) return $"share over 100%: {what} {value}";
        return null;
    }

    static void Check(string name, string what, string? value, Action<string> flag)
    {
        if (Problem(name, what, value) is { } reason) flag(reason);
    }

    static Words Load()
    {
        using var s = Assembly.GetExecutingAssembly().GetManifestResourceStream("Vocabulary.plausibility.json")
                      ?? throw new InvalidOperationException("missing vocabulary plausibility.json");
        var root = JsonDocument.Parse(s).RootElement;
        string[] Strings(string key) => root.GetProperty(key).EnumerateArray().Select(x => x.GetString()!).ToArray();
        return new Words(Strings("shareWords"), Strings("mayExceed100"), Strings("comparatorDigits"));
    }
}
