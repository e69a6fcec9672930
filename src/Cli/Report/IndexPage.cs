using System.Text;

namespace Jixiao.Cli.Report;

/// <summary>The summary page: forms to check first, then every document with its status and counts.</summary>
internal static class IndexPage
{
    public static string Render(IReadOnlyList<ReportDocument> docs, bool withHistory)
    {
        var sb = new StringBuilder();
        ReportAssets.Head(sb, "index");
        int forms = docs.Sum(d => d.Forms.Count), indicators = docs.Sum(d => d.IndicatorCount);
        var byStatus = docs.GroupBy(d => d.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}");
        sb.Append("<header><h1>jixiao report</h1><p class=\"meta\">")
          .Append($"{docs.Count} document(s) ({Html.Text(string.Join(", ", byStatus))}) · {forms} form(s) · {indicators} indicator(s) · generated {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC")
          .Append("</p>");
        if (withHistory) sb.Append("<p><a href=\"history.html\">indicator history chart</a></p>");
        sb.Append("</header>");

        var flagged = docs.SelectMany(d => d.Forms.Select((f, i) => (Doc: d, Form: f, Number: i + 1))).Where(x => ReportFlags.IsFlagged(x.Form)).ToList();
        if (flagged.Count > 0)
        {
            sb.Append($"<section class=\"review\"><h2>Check first: {flagged.Count} form(s) flagged</h2><ul>");
            foreach (var (d, f, n) in flagged)
                sb.Append($"<li><a href=\"{d.Page}#form-{n}\">{Html.Text(d.FileName)} · form {n}: {Html.Text(f.Kind)} {Html.Text(f.Key)}</a> ")
                  .Append($"<span class=\"flag\">⚑ {Html.Text(ReportFlags.Reason(f))}</span></li>");
            sb.Append("</ul></section>");
        }

        sb.Append("<table class=\"docs\"><thead><tr><th>document</th><th>format</th><th>status</th><th>forms</th><th>indicators</th><th>flags</th><th>reason / note</th></tr></thead><tbody>");
        // Flagged documents first, then failed and empty ones, then the rest in path order.
        foreach (var d in docs.OrderByDescending(d => d.FlaggedCount > 0).ThenBy(d => d.Status == "ok" ? 1 : 0).ThenBy(d => d.Path, StringComparer.Ordinal))
        {
            sb.Append($"<tr><td><a href=\"{d.Page}\">{Html.Text(d.FileName)}</a><div class=\"meta\" style=\"font-size:11px\">{Html.Text(d.Path)}</div></td>")
              .Append($"<td>{Html.Text(d.Format)}</td><td><span class=\"status {d.Status}\">{Html.Text(d.Status)}</span></td>")
              .Append($"<td class=\"num\">{d.Forms.Count}</td><td class=\"num\">{d.IndicatorCount}</td>")
              .Append($"<td>{(d.FlaggedCount > 0 ? $"<span class=\"flag\">⚑ {d.FlaggedCount}</span>" : "")}</td>")
              .Append($"<td>{Html.Text(string.Join(" · ", new[] { d.Error, d.SourceNote }.Where(s => !string.IsNullOrEmpty(s))))}</td></tr>");
        }
        sb.Append("</tbody></table>");
        ReportAssets.Tail(sb);
        return sb.ToString();
    }
}
