namespace Jixiao.Ingest.Pdf;

/// <summary>
/// Borderless tables: a run of at least three consecutive lines that each break into two or more
/// chunks at wide gaps, where the gaps line up into whitespace columns across the whole run.
/// Everything else stays a text line.
/// </summary>
internal static class StreamTableFinder
{
    const double GapEm = 1.5;   // a gap this wide (in font sizes) separates two columns
    const int MinRows = 3;

    public static List<PageItem> Find(List<TextLine> lines, int page)
    {
        var items = new List<PageItem>();
        var chunks = lines.Select(l => l.Chunks(GapEm)).ToList();
        int i = 0;
        while (i < lines.Count)
        {
            if (chunks[i].Count < 2) { items.Add(new LineItem(lines[i])); i++; continue; }
            // Grow a run of multi-chunk lines whose column gaps stay consistent.
            int j = i;
            var gaps = Gutters(chunks.GetRange(i, 1));
            while (j + 1 < lines.Count && chunks[j + 1].Count >= 2 &&
                   lines[j + 1].Top - lines[j].Bottom < 2.5 * lines[j].Size)
            {
                var next = Gutters(chunks.GetRange(i, j - i + 2));
                if (next.Count == 0) break;
                gaps = next;
                j++;
            }
            int rows = j - i + 1;
            if (rows >= MinRows && gaps.Count >= 1)
            {
                items.Add(BuildTable(lines.GetRange(i, rows), chunks.GetRange(i, rows), gaps, page));
                i = j + 1;
            }
            else
            {
                items.Add(new LineItem(lines[i]));
                i++;
            }
        }
        return items;
    }

    /// <summary>
    /// x intervals free of text in every line of the run that fall between chunks of at least one
    /// line: the column boundaries.
    /// </summary>
    static List<(double From, double To)> Gutters(List<List<TextLine>> run)
    {
        var occupied = RuleMerger.JoinIntervals(run.SelectMany(r => r).Select(c => (c.Left, c.Right)), 0);
        var free = new List<(double, double)>();
        for (int k = 0; k + 1 < occupied.Count; k++)
            free.Add((occupied[k].To, occupied[k + 1].From));
        // Each line must have chunks on both sides of at least one gutter, else it is not tabular.
        foreach (var line in run)
        {
            bool split = line.Count >= 2 && free.Any(g => line.Any(c => c.Right <= g.Item1 + 0.1) && line.Any(c => c.Left >= g.Item2 - 0.1));
            if (!split) return new();
        }
        return free;
    }

    static TableItem BuildTable(List<TextLine> lines, List<List<TextLine>> chunks, List<(double From, double To)> gutters, int page)
    {
        var edges = new List<double> { lines.Min(l => l.Left) };
        edges.AddRange(gutters.Select(g => (g.From + g.To) / 2));
        edges.Add(lines.Max(l => l.Right));
        var table = new Table { Position = new SourcePosition(page, 0) };
        for (int r = 0; r < lines.Count; r++)
        {
            var row = new TableRow { Position = new SourcePosition(page, r + 1) };
            var texts = new List<string>[edges.Count - 1];
            for (int c = 0; c < texts.Length; c++) texts[c] = new List<string>();
            foreach (var chunk in chunks[r])
            {
                int col = 0;
                while (col + 1 < texts.Length && chunk.Left >= edges[col + 1]) col++;
                texts[col].Add(chunk.Text);
            }
            foreach (var t in texts)
                row.Cells.Add(new TableCell(string.Join(" ", t)) { Position = new SourcePosition(page, r + 1) });
            table.Rows.Add(row);
        }
        return new TableItem(table, edges.ToArray(), lines[0].Top, lines[^1].Bottom, Ruled: false);
    }
}
