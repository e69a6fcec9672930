using System.Text.RegularExpressions;

namespace Jixiao.Extract;

/// <summary>
/// The form's department as a name: a value that is itself a known label (a column header such as 项目总金额
/// read beside 单位 in a header row) is no department, and a budget code written around the name
/// (`[292]国家信访局`, `233_烟台市民政局`, `国家信访局（292）`) moves to <see cref="Form.DeptCode"/>.
/// Runs once per form, from <see cref="FormFinisher"/>.
/// </summary>
internal static partial class NameCanonicalizer
{
    static readonly Lazy<HashSet<string>> Labels = new(KnownLabels);

    public static void Apply(Form form)
    {
        if (form.Department is not { } dept) return;
        if (IsLabel(dept))
        {
            form.Department = null;
            return;
        }
        var (name, code) = SplitCode(dept);
        form.Department = name;
        form.DeptCode ??= code;
    }

    /// <summary>True when <paramref name="value"/> is a header label of the vocabularies, not a value.</summary>
    public static bool IsLabel(string value)
    {
        var key = TextNorm.Label(value);
        return key.Length > 0 && (Labels.Value.Contains(key) || Labels.Value.Contains(TextNorm.Label(TextNorm.WithoutParenthesis(key))));
    }

    /// <summary>The name without a budget code before or after it, and the code.</summary>
    public static (string Name, string? Code) SplitCode(string department)
    {
        var s = department.Trim();
        var m = Leading().Match(s);
        if (!m.Success) m = Trailing().Match(s);
        if (!m.Success) return (s, null);
        var name = m.Groups["name"].Value.Trim();
        return name.Length >= 2 ? (name, m.Groups["code"].Value) : (s, null);
    }

    static HashSet<string> KnownLabels()
    {
        var v = Vocab.Instance;
        var all = v.Columns.Values.SelectMany(x => x)
            .Concat(v.ProjectLabels).Concat(v.DepartmentLabels).Concat(v.DepartmentAndFieldLabels).Concat(v.KnownFieldLabels)
            .Concat(v.NotFieldLabels).Concat(v.BudgetBlockLabels).Concat(v.BudgetColumnLabels).Concat(v.ProjectListLabels)
            .Concat(v.GoalLabels.Keys).Concat(v.Level1);
        return all.Select(TextNorm.Label).Where(x => x.Length > 0).ToHashSet(StringComparer.Ordinal);
    }

    // `[292]国家信访局`, `【292】…`, `292_…`, `292-…`, `292 …`: digits (a budget code has 3+) then the name.
    [GeneratedRegex(@"^(?:[\[【(（](?<code>\d{3,})[\]】)）]|(?<code>\d{3,})\s*[_\-－—\s])\s*(?<name>\D.*)$")]
    private static partial Regex Leading();

    // `国家信访局（292）`, `国家信访局[292]`, `国家信访局_292`.
    [GeneratedRegex(@"^(?<name>.*\D)\s*(?:[\[【(（](?<code>\d{3,})[\]】)）]|[_\-－—](?<code>\d{3,}))$")]
    private static partial Regex Trailing();
}
