using Jixiao.Cli.ConsoleOutput;
using System.Text;
using Jixiao.Extract;

namespace Jixiao.Cli.Report;

/// <summary>
/// The extracted facts of one form as HTML tables. Every fact row carries `data-src` (the id of its source
/// cell) and an id of its own, and <see cref="Links"/> records cell → facts so the grid can point back.
/// </summary>
internal sealed class FactPanel
{
    readonly int _form;
    readonly Func<SourceRef?, string?> _cellOf;
    readonly TextLocator? _locator;
    int _next;

    /// <summary>Cell id → fact ids; one dictionary for the whole page, since a cell can hold facts of several forms.</summary>
    public Dictionary<string, List<string>> Links { get; }

    public FactPanel(int form, Func<SourceRef?, string?> cellOf, TextLocator? locator, Dictionary<string, List<string>>? links = null)
    {
        Links = links ?? new(StringComparer.Ordinal);
        _form = form;
        _cellOf = cellOf;
        _locator = locator;
    }

    public string Render(Form f)
    {
        var sb = new StringBuilder();
        sb.Append("<h3>Header</h3><table class=\"facts header\"><tbody>");
        Row(sb, "kind", f.Kind, null, approx: false);
        Row(sb, "title", f.Title, _locator?.Find(f.Title), approx: true);
        Row(sb, "year", f.Year?.ToString(), _locator?.Find(f.Year is int y ? y + "年" : null) ?? _locator?.Find(f.Year?.ToString()), approx: true);
        Row(sb, "unit", f.Unit, null, approx: false);
        Row(sb, "department", f.Department, _locator?.Find(f.Department), approx: true);
        Row(sb, "project", f.Project, _locator?.Find(f.Project, "项目名称"), approx: true);
        foreach (var (k, v) in f.Fields) Row(sb, k, v, _locator?.Find(v, k), approx: true);
        if (f.Confidence is double c) Row(sb, "confidence", c.ToString("0.00"), null, approx: false);
        if (f.NeedsReview) Row(sb, "needs review", "yes", null, approx: false);
        sb.Append("</tbody></table>");

        if (f.Budget.Count > 0)
        {
            sb.Append("<h3>Budget</h3><table class=\"facts budget\"><thead><tr><th>item</th><th>column</th><th>value</th></tr></thead><tbody>");
            foreach (var b in f.Budget) FactRow(sb, _cellOf(b.Source), approx: false, b.Item, b.Column, b.Value);
            sb.Append("</tbody></table>");
        }
        if (f.Projects.Count > 0)
        {
            sb.Append("<h3>Projects</h3><table class=\"facts projects\"><thead><tr><th>project</th><th>category</th><th>total</th><th>annual</th><th>purpose</th></tr></thead><tbody>");
            foreach (var p in f.Projects) FactRow(sb, _locator?.Find(p.Name), approx: true, p.Name, p.Category, p.Total, p.Annual, p.Purpose);
            sb.Append("</tbody></table>");
        }
        if (f.Goals.Count > 0)
        {
            sb.Append("<h3>Goals</h3><table class=\"facts goals\"><tbody>");
            foreach (var g in f.Goals) Row(sb, g.Label, g.Text, _locator?.Find(g.Text, g.Label), approx: true);
            sb.Append("</tbody></table>");
        }
        if (f.Indicators.Count > 0) Indicators(sb, f.Indicators);
        return sb.ToString();
    }

    void Indicators(StringBuilder sb, List<Indicator> rows)
    {
        var used = IndicatorColumns.Used(rows);
        sb.Append($"<h3>Indicators ({rows.Count})</h3><table class=\"facts indicators\"><thead><tr>");
        foreach (var c in used) sb.Append("<th>").Append(c.Head).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var r in rows) FactRow(sb, _cellOf(r.Source), approx: false, used.Select(c => c.Get(r)).ToArray());
        sb.Append("</tbody></table>");
    }

    void Row(StringBuilder sb, string label, string? value, string? cell, bool approx)
    {
        if (string.IsNullOrEmpty(value)) return;
        Open(sb, cell, approx);
        sb.Append("<th>").Append(Html.Text(label)).Append("</th><td>").Append(Html.Multiline(value)).Append("</td></tr>");
    }

    void FactRow(StringBuilder sb, string? cell, bool approx, params string?[] values)
    {
        Open(sb, cell, approx);
        foreach (var v in values) sb.Append("<td>").Append(Html.Multiline(v)).Append("</td>");
        sb.Append("</tr>");
    }

    /// <summary>Opens the fact's &lt;tr&gt;; linked when its cell is known.</summary>
    void Open(StringBuilder sb, string? cell, bool approx)
    {
        var id = $"f{_form}-x{++_next}";
        if (cell is null)
        {
            sb.Append($"<tr id=\"{id}\" class=\"fact nolink\" title=\"no source cell\">");
            return;
        }
        if (!Links.TryGetValue(cell, out var list)) Links[cell] = list = new();
        list.Add(id);
        sb.Append($"<tr id=\"{id}\" class=\"fact{(approx ? " approx" : "")}\" data-src=\"{cell}\"")
          .Append(approx ? " title=\"source cell found by its text\">" : ">");
    }
}
