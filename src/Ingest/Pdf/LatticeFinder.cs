namespace Jixiao.Ingest.Pdf;

/// <summary>
/// One ruled table on a page: the grid lines (xs left to right, ys top to bottom) and which
/// grid cells merge into one table cell.
/// </summary>
internal sealed class Lattice
{
    public required double[] Xs { get; init; }
    public required double[] Ys { get; init; }
    public required List<Rule> Rules { get; init; }
    public Box Bounds => new(Xs[0], Ys[0], Xs[^1], Ys[^1]);
    public int Columns => Xs.Length - 1;
    public int RowCount => Ys.Length - 1;
}

/// <summary>
/// Finds ruled tables: groups of horizontal and vertical rules that touch each other, and the grid
/// they define. A table needs at least two rules each way, otherwise the lines are decoration.
/// </summary>
internal static class LatticeFinder
{
    public static List<Lattice> Find(List<Rule> merged, double tolerance)
    {
        var rules = merged.Where(r => r.Length > tolerance * 2).ToList();
        int n = rules.Count;
        var parent = Enumerable.Range(0, n).ToArray();
        int Root(int i) { while (parent[i] != i) i = parent[i] = parent[parent[i]]; return i; }

        for (int a = 0; a < n; a++)
        {
            if (!rules[a].Horizontal) continue;
            for (int b = 0; b < n; b++)
            {
                if (rules[b].Horizontal) continue;
                if (Touches(rules[a], rules[b], tolerance)) parent[Root(a)] = Root(b);
            }
        }
        var lattices = new List<Lattice>();
        foreach (var group in Enumerable.Range(0, n).GroupBy(Root))
        {
            var members = group.Select(i => rules[i]).ToList();
            var hs = members.Where(r => r.Horizontal).ToList();
            var vs = members.Where(r => !r.Horizontal).ToList();
            if (hs.Count < 2 || vs.Count < 2) continue;
            var ys = Cluster(hs.Select(r => r.At), tolerance);
            var xs = Cluster(vs.Select(r => r.At), tolerance);
            // Rules that stick out (a title underline touching the frame) must not widen the grid:
            // the grid spans from the outermost vertical to the outermost horizontal rule.
            if (xs.Count < 2 || ys.Count < 2) continue;
            if (xs[^1] - xs[0] < 10 || ys[^1] - ys[0] < 5) continue;
            // A single box (page frame, boxed note) is decoration: its text stays running text.
            if (xs.Count == 2 && ys.Count == 2) continue;
            lattices.Add(new Lattice { Xs = xs.ToArray(), Ys = ys.ToArray(), Rules = members });
        }
        return lattices.OrderBy(l => l.Ys[0]).ToList();
    }

    static bool Touches(Rule h, Rule v, double tol) =>
        v.At >= h.From - tol && v.At <= h.To + tol && h.At >= v.From - tol && h.At <= v.To + tol;

    internal static List<double> Cluster(IEnumerable<double> values, double tol)
    {
        var sorted = values.OrderBy(v => v).ToList();
        var result = new List<double>();
        int i = 0;
        while (i < sorted.Count)
        {
            int j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] - sorted[j] <= tol) j++;
            result.Add((sorted[i] + sorted[j]) / 2);
            i = j + 1;
        }
        return result;
    }

    /// <summary>True when a rule at position <paramref name="at"/> covers most of from..to.</summary>
    public static bool HasRule(Lattice lattice, bool horizontal, double at, double from, double to, double tol)
    {
        double need = (to - from) * 0.6;
        double covered = 0;
        foreach (var r in lattice.Rules)
        {
            if (r.Horizontal != horizontal || Math.Abs(r.At - at) > tol) continue;
            double lo = Math.Max(r.From, from), hi = Math.Min(r.To, to);
            if (hi > lo) covered += hi - lo;
        }
        return covered >= need;
    }
}
