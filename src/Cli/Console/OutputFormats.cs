using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jixiao.Cli.ConsoleOutput;

/// <summary>The machine-readable outputs (--json, --csv) shared by search and history.</summary>
internal static partial class OutputFormats
{
    /// <summary>The same JSON conventions as the canonical extraction output.</summary>
    public static JsonSerializerOptions Json => Jixiao.Extract.CanonicalJson.Options;

    /// <summary>
    /// RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled. A text field that a
    /// spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a leading single quote (OWASP
    /// CSV injection); a field that is a plain number (-12.5, -1,234) is left alone so it stays a number.
    /// </summary>
    public static void WriteCsv(TextWriter w, IEnumerable<string?[]> rows)
    {
        foreach (var r in rows)
            w.WriteLine(string.Join(",", r.Select(Field)));
    }

    static string Field(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        s = Neutralize(s);
        if (s.IndexOfAny(new[] { ',', '"', '\n', '\r' }) < 0) return s;
        return "\"" + s.Replace("\"", "\"\"") + "\"";
    }

    internal static string Neutralize(string s) =>
        s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !PlainNumber().IsMatch(s) ? "'" + s : s;

    [System.Text.RegularExpressions.GeneratedRegex(@"^[+-]?\d[\d,]*(\.\d+)?([eE][+-]?\d+)?$")]
    private static partial System.Text.RegularExpressions.Regex PlainNumber();

    /// <summary>
    /// level1 > level2 > level3, skipping empty levels. When longer than <paramref name="maxWidth"/> columns
    /// the upper levels are shortened first: the indicator itself (the last level) is what a reader scans for.
    /// </summary>
    public static string Hierarchy(string? l1, string? l2, string? l3, int maxWidth = int.MaxValue)
    {
        var levels = new[] { l1, l2, l3 }.Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x!.Replace('\n', ' ')).ToList();
        var full = string.Join(" > ", levels);
        if (TextWidth.Of(full) <= maxWidth || levels.Count < 2) return full;
        var last = levels[^1];
        int upper = levels.Count - 1;
        int budget = maxWidth - TextWidth.Of(last) - 3 * upper;
        int each = Math.Max(3, budget / upper);
        return string.Join(" > ", levels.Take(upper).Select(l => TextWidth.Truncate(l, each)).Append(last));
    }

    /// <summary>Department and project as one column: `部门 / 项目`.</summary>
    public static string Owner(string? department, string? project) =>
        string.Join(" / ", new[] { department, project }.Where(x => !string.IsNullOrWhiteSpace(x)));
}
