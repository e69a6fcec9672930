using System.Globalization;

namespace Jixiao.Extract;

/// <summary>
/// The rules' reading of an indicator column whose header label the vocabulary does not know (the next city
/// words 年度指标值 or 分值 its own way): what the column HOLDS and WHERE it stands beside the known columns say
/// its role, whatever its label. Points (plain numbers up to 100, no percent) are 分值/得分 — of two such columns
/// side by side, the one never below the other is the weight; measures (comparators, percentages, numbers with
/// units, short words) are 指标值/实际完成值 in that order; prose right of the values in a form that has actuals is
/// the deviation reason. A column repeating one or two words (计划标准, 绩效基本型, 定量) says nothing of a value and
/// stays unread. Only roles no column has yet are given, and never against the order the known columns set
/// (a target stands left of its actual, a weight left of its score), so a known column is never moved.
/// </summary>
internal static class ColumnContents
{
    enum Kind { Empty, Points, Measure, Prose, Repeated }

    static readonly string[] Measures = { "target", "actual" };

    /// <summary>Pairs (left, right): where both are in a table, the first stands left of the second.</summary>
    static readonly (string Left, string Right)[] Order =
    {
        ("target", "actual"), ("weight", "score"), ("target", "deviation"), ("actual", "deviation"), ("score", "deviation"),
    };

    /// <param name="roles">Column → role; the unknown columns' entries are filled in place.</param>
    /// <param name="unknown">Columns whose label the vocabulary does not know, in column order.</param>
    /// <param name="selfEvaluation">False for a target form (its title says so): it has no actual, score or deviation.</param>
    public static void Resolve(Dictionary<int, string?> roles, IReadOnlyList<int> unknown, TableView table, IReadOnlyList<int> rows, bool selfEvaluation)
    {
        // Value columns stand right of the hierarchy; a column left of it (活动, 项目) is no value.
        int hierarchy = roles.Where(p => p.Value is "level1" or "level2" or "level3" or "combined").Select(p => p.Key).DefaultIfEmpty(-1).Max();
        if (hierarchy < 0) return;
        unknown = unknown.Where(c => c > hierarchy).ToList();
        var allowed = selfEvaluation ? new[] { "target", "actual", "weight", "score", "deviation" } : new[] { "target", "weight" };
        var kinds = unknown.ToDictionary(c => c, c => KindOf(Values(table, rows, c)));
        bool Missing(string role) => Array.IndexOf(allowed, role) >= 0 && !roles.ContainsValue(role);
        bool Free(int col) => roles[col] is null;

        // Measures first: they are the target and actual whatever else the table has.
        foreach (var col in unknown.Where(c => kinds[c] == Kind.Measure))
            if (Measures.FirstOrDefault(r => Missing(r) && Fits(roles, r, col)) is { } role) roles[col] = role;

        var points = unknown.Where(c => kinds[c] == Kind.Points).ToList();
        for (int k = 0; k < points.Count; k++)
        {
            int col = points[k];
            if (!Free(col)) continue;
            // A bare number beside a comparator or unit column is the target, its sign and unit standing apart (≥ | 15 | 次).
            if (Missing("target") && BesideSignOrUnit(roles, col) && Fits(roles, "target", col)) { roles[col] = "target"; continue; }
            if (k + 1 < points.Count && Missing("weight") && Missing("score") && NeverBelow(table, rows, col, points[k + 1])
                && Fits(roles, "weight", col) && Fits(roles, "score", points[k + 1]))
            {
                roles[col] = "weight";
                roles[points[k + 1]] = "score";
                k++;
                continue;
            }
            // One points column: the score beside a known weight, the weight beside a known score; alone, it is what
            // the table is for: the score of a table that reports actuals (an evaluation), else the weight.
            bool hasWeight = roles.ContainsValue("weight"), hasScore = roles.ContainsValue("score");
            var single = hasWeight ? "score" : hasScore ? "weight" : roles.ContainsValue("actual") && Missing("score") ? "score" : "weight";
            if (Missing(single) && Fits(roles, single, col)) roles[col] = single;
        }

        // A reason is written where the form has actuals to explain, right of them.
        bool hasActual = roles.ContainsValue("actual");
        foreach (var col in unknown.Where(c => kinds[c] == Kind.Prose && Free(c)))
            if (hasActual && Missing("deviation") && Fits(roles, "deviation", col) && col == unknown.Where(Free).Max()) roles[col] = "deviation";
    }

    static List<string> Values(TableView table, IReadOnlyList<int> rows, int col)
    {
        var values = new List<string>();
        foreach (var r in rows)
        {
            var cell = table.At(r, col);
            if (cell is null || cell.Covered || cell.Col != col || TextNorm.Value(cell.Raw) is not { } v) continue;
            values.Add(TextNorm.Label(v));
        }
        return values;
    }

    static Kind KindOf(List<string> values)
    {
        var filled = values.Where(v => v.Length > 0).ToList();
        if (filled.Count == 0) return Kind.Empty;
        if (filled.Count(IsPoints) >= 0.8 * filled.Count) return Kind.Points;
        if (filled.Count(v => v.Length > 15) * 2 >= filled.Count) return Kind.Prose;
        // The same word or two down the whole column (计划标准, 定性/定量) is a type or a basis, not a value.
        if (filled.Count >= 3 && !filled.Any(TextNorm.HasDigit) && filled.Distinct().Count() <= Math.Max(1, filled.Count / 4)) return Kind.Repeated;
        return Kind.Measure;
    }

    /// <summary>A plain number from 0 to 100 without a percent sign: what a weight or a score is written as.</summary>
    static bool IsPoints(string v) => Points(v) is not null;

    /// <summary>The number of a points value (see <see cref="IsPoints"/>), or null for any other text.</summary>
    static double? Points(string v) =>
        !v.Contains('%') && TextNorm.IsNumber(v) && double.TryParse(v.Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x is >= 0 and <= 100
            ? x : null;

    static double? Number(TableView table, int r, int col) =>
        table.At(r, col) is { Covered: false } c && c.Col == col && TextNorm.Value(c.Raw) is { } v ? Points(TextNorm.Label(v)) : null;

    /// <summary>The left column is at least the right one in (nearly) every row: a weight and the score given against it.</summary>
    static bool NeverBelow(TableView table, IReadOnlyList<int> rows, int left, int right)
    {
        int pairs = 0, below = 0;
        foreach (var r in rows)
        {
            if (Number(table, r, left) is not { } a || Number(table, r, right) is not { } b) continue;
            pairs++;
            if (a < b) below++;
        }
        return pairs > 0 && below * 10 <= pairs;
    }

    static bool BesideSignOrUnit(Dictionary<int, string?> roles, int col) =>
        roles.GetValueOrDefault(col - 1) is "comparator" or "comparatorIfSign" || roles.GetValueOrDefault(col + 1) is "unit";

    /// <summary>Giving <paramref name="role"/> to <paramref name="col"/> keeps every ordered pair of roles in order.</summary>
    static bool Fits(Dictionary<int, string?> roles, string role, int col)
    {
        foreach (var (left, right) in Order)
        {
            if (role == left && roles.Any(p => p.Value == right && p.Key < col)) return false;
            if (role == right && roles.Any(p => p.Value == left && p.Key > col)) return false;
        }
        return true;
    }
}
