using System.Globalization;
using System.Text;
using Jixiao.Store;

namespace Jixiao.Cli.Report;

/// <summary>
/// One indicator across years: an inline SVG line chart of the numeric targets and actuals per year (one
/// chart per department/project and scope), and the rows as a table. Previous-year values a form lists
/// (its history column) count as actuals of those years.
/// </summary>
internal static class HistoryPage
{
    const int W = 640, H = 260, Left = 56, Right = 20, Top = 20, Bottom = 40;

    public static string Render(string name, IReadOnlyList<IndicatorHit> hits)
    {
        var sb = new StringBuilder();
        ReportAssets.Head(sb, "history " + name);
        sb.Append("<header><a href=\"index.html\">← all documents</a><h1>history: ").Append(Html.Text(name)).Append("</h1>")
          .Append($"<p class=\"meta\">{hits.Count} row(s); ~ marks a similar (renamed) indicator</p></header>");
        if (hits.Count == 0) sb.Append("<p class=\"note\">No indicator with this name in the archive.</p>");
        foreach (var series in hits.GroupBy(h => (Owner: Owner(h), h.Scope)))
        {
            sb.Append("<section class=\"form\"><h2>").Append(Html.Text(series.Key.Owner))
              .Append(series.Key.Scope is null ? "" : " · " + Html.Text(series.Key.Scope)).Append("</h2>");
            var target = new SortedDictionary<int, double>();
            var actual = new SortedDictionary<int, double>();
            foreach (var h in series)
            {
                if (h.Year is int y)
                {
                    if (Number(h.Target) is double t) target[y] = t;
                    if (Number(h.Actual) is double a) actual[y] = a;
                }
                foreach (var (year, v) in h.History)
                    if (int.TryParse(year, out var hy) && Number(v) is double hv) actual.TryAdd(hy, hv);
            }
            if (target.Count + actual.Count > 0) Chart(sb, target, actual);
            sb.Append("<table class=\"docs\"><thead><tr><th>year</th><th>indicator</th><th>target</th><th>actual</th><th>previous years</th><th>file</th></tr></thead><tbody>");
            foreach (var h in series)
                sb.Append($"<tr><td>{h.Year}</td><td>{(h.Fuzzy ? "~" : "")}{Html.Text(h.Name)}</td><td>{Html.Text(h.Target)}</td><td>{Html.Text(h.Actual)}</td>")
                  .Append($"<td>{Html.Text(string.Join(" ", h.History.Select(kv => $"{kv.Key}:{kv.Value}")))}</td><td>{Html.Text(h.File)}</td></tr>");
            sb.Append("</tbody></table></section>");
        }
        ReportAssets.Tail(sb);
        return sb.ToString();
    }

    static string Owner(IndicatorHit h) =>
        string.Join(" / ", new[] { h.Department, h.Project }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } s ? s : "(no department)";

    static double? Number(string? v) => TargetValue.Parse(v)?.Number;

    static void Chart(StringBuilder sb, SortedDictionary<int, double> target, SortedDictionary<int, double> actual)
    {
        var years = target.Keys.Concat(actual.Keys).Distinct().Order().ToList();
        var values = target.Values.Concat(actual.Values).ToList();
        double lo = Math.Min(0, values.Min()), hi = values.Max();
        if (hi <= lo) hi = lo + 1;
        hi += (hi - lo) * 0.1;
        int y0 = years[0], y1 = years[^1];
        const int Pad = 28; // keeps the first and last points and their labels off the axis ends
        double X(int year) => years.Count == 1 ? Left + (W - Left - Right) / 2.0 : Left + Pad + (W - Left - Right - 2 * Pad) * (year - y0) / (double)(y1 - y0);
        double Y(double v) => Top + (H - Top - Bottom) * (1 - (v - lo) / (hi - lo));
        string F(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);

        sb.Append($"<svg class=\"chart\" width=\"{W}\" height=\"{H}\" viewBox=\"0 0 {W} {H}\" role=\"img\" aria-label=\"target and actual per year\">")
          .Append($"<rect x=\"0\" y=\"0\" width=\"{W}\" height=\"{H}\" fill=\"#fff\"/>");
        for (int i = 0; i <= 4; i++)
        {
            double v = lo + (hi - lo) * i / 4, y = Y(v);
            sb.Append($"<line x1=\"{Left}\" x2=\"{W - Right}\" y1=\"{F(y)}\" y2=\"{F(y)}\" stroke=\"#e3e6ea\"/>")
              .Append($"<text x=\"{Left - 6}\" y=\"{F(y + 4)}\" font-size=\"11\" text-anchor=\"end\" fill=\"#5f6b7a\">{F(v)}</text>");
        }
        foreach (var yr in years)
            sb.Append($"<text x=\"{F(X(yr))}\" y=\"{H - Bottom + 18}\" font-size=\"12\" text-anchor=\"middle\">{yr}</text>");
        Series(sb, target, X, Y, "#1565c0", "target", F);
        Series(sb, actual, X, Y, "#e65100", "actual", F);
        sb.Append($"<rect x=\"{Left}\" y=\"{H - 14}\" width=\"10\" height=\"10\" fill=\"#1565c0\"/><text x=\"{Left + 14}\" y=\"{H - 5}\" font-size=\"12\">target</text>")
          .Append($"<rect x=\"{Left + 70}\" y=\"{H - 14}\" width=\"10\" height=\"10\" fill=\"#e65100\"/><text x=\"{Left + 84}\" y=\"{H - 5}\" font-size=\"12\">actual</text>")
          .Append("</svg>");
    }

    static void Series(StringBuilder sb, SortedDictionary<int, double> points, Func<int, double> x, Func<double, double> y, string color, string name, Func<double, string> f)
    {
        if (points.Count == 0) return;
        var path = string.Join(" ", points.Select(p => $"{f(x(p.Key))},{f(y(p.Value))}"));
        sb.Append($"<polyline class=\"{name}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{path}\"/>");
        foreach (var (yr, v) in points)
            sb.Append($"<circle class=\"{name}\" cx=\"{f(x(yr))}\" cy=\"{f(y(v))}\" r=\"4\" fill=\"{color}\"><title>{yr} {name} {f(v)}</title></circle>")
              .Append($"<text x=\"{f(x(yr))}\" y=\"{f(y(v) - 8)}\" font-size=\"11\" text-anchor=\"middle\" fill=\"{color}\">{f(v)}</text>");
    }
}
