using System.Text;
using Jixiao.Extract;
using Jixiao.Ingest;

namespace Jixiao.Cli.Report;

/// <summary>
/// One document's page: for each form, its source blocks (tables as merged-cell grids) beside its facts.
/// Flagged forms (needs review, low confidence) come first.
/// </summary>
internal static class DocumentPage
{
    const int MaxParagraphChars = 400;

    public static string Render(ReportDocument d)
    {
        var sb = new StringBuilder();
        ReportAssets.Head(sb, d.FileName);
        sb.Append("<header><a href=\"index.html\">← all documents</a><h1>").Append(Html.Text(d.FileName)).Append("</h1>");
        sb.Append("<p class=\"meta\">").Append(Html.Text(d.Path)).Append(" · ").Append(Html.Text(d.Format))
          .Append($" · <span class=\"status {d.Status}\">{Html.Text(d.Status)}</span>")
          .Append($" · {d.Forms.Count} form(s) · {d.IndicatorCount} indicator(s)</p>");
        if (!string.IsNullOrEmpty(d.Error)) sb.Append("<p class=\"error\">").Append(Html.Text(d.Error)).Append("</p>");
        if (d.SourceNote is not null) sb.Append("<p class=\"note\">").Append(Html.Text(d.SourceNote)).Append("</p>");
        sb.Append("<p class=\"hint\">Hover or click a fact to see its source cell; click a highlighted cell to find its facts. " +
                  "Dashed links were found by the text of the value.</p></header>");

        var order = d.Forms.Select((f, i) => (Form: f, Number: i + 1)).OrderByDescending(x => ReportFlags.IsFlagged(x.Form)).ToList();
        if (order.Any(x => ReportFlags.IsFlagged(x.Form)))
        {
            sb.Append("<section class=\"review\"><h2>Check first</h2><ul>");
            foreach (var (f, n) in order.Where(x => ReportFlags.IsFlagged(x.Form)))
                sb.Append($"<li><a href=\"#form-{n}\">form {n}: {Html.Text(f.Kind)} {Html.Text(f.Key)}</a> <span class=\"flag\">{Html.Text(ReportFlags.Reason(f))}</span></li>");
            sb.Append("</ul></section>");
        }
        var ranges = BlockRanges(d.Forms, d.Source);
        var grids = new GridCache();
        // Facts first: a cell's data-facts lists the facts of every form that read it, so the grids are drawn
        // after all panels are known.
        var links = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var facts = new Dictionary<int, string>();
        foreach (var (f, n) in order)
        {
            var locator = d.Source is null ? null : new TextLocator(d.Source, ranges[n - 1], grids);
            facts[n] = new FactPanel(n, r => CellIds.Of(r, d.Source, grids), locator, links).Render(f);
        }
        // Each block is drawn once, in the first form (in page order) that reads it; later forms refer to it.
        // A sheet of 300 projects sharing one 3,000-row table would otherwise repeat it 300 times.
        var drawnIn = new Dictionary<int, int>();
        foreach (var (f, n) in order) Form(sb, d, f, n, ranges[n - 1], grids, facts[n], links, drawnIn);
        ReportAssets.Tail(sb);
        return sb.ToString();
    }

    static void Form(StringBuilder sb, ReportDocument d, Form f, int n, IReadOnlyList<int> blocks, GridCache grids, string facts,
                     IReadOnlyDictionary<string, List<string>> links, Dictionary<int, int> drawnIn)
    {
        bool flagged = ReportFlags.IsFlagged(f);
        sb.Append($"<section class=\"form{(flagged ? " flagged" : "")}\" id=\"form-{n}\"><h2>form {n}/{d.Forms.Count}: ")
          .Append(Html.Text(f.Kind)).Append(f.Title is null || f.Title == f.Kind ? "" : " — " + Html.Text(f.Title));
        if (flagged) sb.Append(" <span class=\"flag\">⚑ ").Append(Html.Text(ReportFlags.Reason(f))).Append("</span>");
        sb.Append("</h2>");

        sb.Append("<div class=\"pair\"><div class=\"pane source\">");
        if (d.Source is null) sb.Append("<p class=\"note\">No source grid: ").Append(Html.Text(d.SourceNote ?? "the file was not read")).Append("</p>");
        else
            foreach (var b in blocks)
            {
                if (drawnIn.TryGetValue(b, out var owner))
                {
                    if (d.Source.Blocks[b] is Table)
                        sb.Append($"<p class=\"note shared\"><a href=\"#{SourceGrid.Id(b)}\">block {b}</a>: drawn with form {owner} (shared table)</p>");
                    continue;
                }
                switch (d.Source.Blocks[b])
                {
                    case Paragraph p when p.Text.Trim().Length > 0:
                        drawnIn[b] = n;
                        var text = p.Text.Length > MaxParagraphChars ? p.Text[..MaxParagraphChars] + "…" : p.Text;
                        sb.Append($"<p class=\"para\" id=\"{TextLocator.ParagraphId(b)}\"");
                        if (links.TryGetValue(TextLocator.ParagraphId(b), out var pf)) sb.Append($" data-facts=\"{string.Join(' ', pf)}\"");
                        sb.Append('>').Append(Html.Multiline(text)).Append("</p>");
                        break;
                    case Table t:
                        drawnIn[b] = n;
                        PageCrop.Beside(sb, d.Path, t, s => SourceGrid.Render(s, b, t, grids.Get(b, t), links));
                        break;
                }
            }
        sb.Append("</div><div class=\"pane facts\">").Append(facts).Append("</div></div></section>");
    }

    /// <summary>
    /// The blocks each form is drawn from: from where it starts to where the next form starts, plus any block
    /// a fact points into (forms can share a table).
    /// </summary>
    internal static List<IReadOnlyList<int>> BlockRanges(IReadOnlyList<Form> forms, SourceDocument? source)
    {
        var result = new List<IReadOnlyList<int>>();
        if (source is null)
        {
            foreach (var _ in forms) result.Add(Array.Empty<int>());
            return result;
        }
        int count = source.Blocks.Count;
        var factBlocks = forms.Select(f => f.Budget.Select(b => b.Source).Concat(f.Indicators.Select(i => i.Source))
            .Where(r => r is not null && r.Block >= 0 && r.Block < count).Select(r => r!.Block).ToHashSet()).ToList();
        var starts = forms.Select((f, i) => f.Source?.Block ?? (factBlocks[i].Count > 0 ? factBlocks[i].Min() : (int?)null)).ToList();
        // A form found by its table owns the title lines just above it (they would otherwise end the previous form).
        for (int i = 0; i < forms.Count; i++)
        {
            if (starts[i] is not int s || s <= 0 || s >= count || source.Blocks[s] is not Table) continue;
            int floor = i == 0 ? 0 : Math.Max((starts[i - 1] ?? -1) + 1, factBlocks[i - 1].Count > 0 ? factBlocks[i - 1].Max() + 1 : 0);
            for (int k = 0; k < 3 && s - 1 >= floor && source.Blocks[s - 1] is Paragraph; k++) s--;
            starts[i] = s;
        }
        for (int i = 0; i < forms.Count; i++)
        {
            var set = new SortedSet<int>(factBlocks[i]);
            if (starts[i] is int s && s >= 0 && s < count)
            {
                int end = starts.Skip(i + 1).Where(x => x is int e && e > s).Select(x => x!.Value).DefaultIfEmpty(count).Min();
                for (int b = s; b < end; b++) set.Add(b);
            }
            result.Add(set.ToList());
        }
        return result;
    }
}
