namespace Jixiao.Ingest.Pdf;

/// <summary>
/// Borderless tables: a run of at least three consecutive rows that each break into two or more
/// chunks at wide gaps, where the gaps line up into whitespace columns across the whole run.
/// A row is one text line, or, where horizontal rules are drawn without vertical ones, all the
/// lines between two neighbouring rules (a cell that wraps stays one cell).
/// Everything else stays a text line.
/// </summary>
internal static class StreamTableFinder
{
    const double GapEm = 1.5;          // a gap this wide (in font sizes) separates two columns
    const int MinRows = 3;
    const double MinRuleLength = 60;   // pt: shorter horizontal strokes are underlines, not row rules
    const int MaxBandLines = 6;        // more lines between two rules are prose or a whole table, not one row

    /// <summary>One table row candidate: its text lines, top to bottom.</summary>
    sealed class Band
    {
        public Band(List<TextLine> lines) => Lines = lines;
        public List<TextLine> Lines { get; }
        public double Top => Lines[0].Top;
        public double Bottom => Lines.Max(l => l.Bottom);
        public double Size => Lines[0].Size;
        public List<TextLine> Chunks { get; set; } = new();
    }

    public static List<PageItem> Find(List<TextLine> lines, int page, IReadOnlyList<Rule>? rules = null)
    {
        var items = new List<PageItem>();
        var bands = Bands(lines, rules ?? Array.Empty<Rule>());
        foreach (var b in bands) b.Chunks = b.Lines.SelectMany(l => l.Chunks(GapEm)).ToList();
        int i = 0;
        while (i < bands.Count)
        {
            if (bands[i].Chunks.Count < 2) { AddLines(items, bands[i]); i++; continue; }
            // Grow a run of multi-chunk rows whose column gaps stay consistent.
            int j = i;
            var gaps = Gutters(bands.GetRange(i, 1));
            while (j + 1 < bands.Count && bands[j + 1].Chunks.Count >= 2 &&
                   bands[j + 1].Top - bands[j].Bottom < 2.5 * bands[j].Size)
            {
                var next = Gutters(bands.GetRange(i, j - i + 2));
                if (next.Count == 0) break;
                gaps = next;
                j++;
            }
            int rows = j - i + 1;
            if (rows >= MinRows && gaps.Count >= 1)
            {
                items.Add(BuildTable(bands.GetRange(i, rows), gaps, page));
                i = j + 1;
            }
            else
            {
                AddLines(items, bands[i]);
                i++;
            }
        }
        return items;
    }

    static void AddLines(List<PageItem> items, Band band)
    {
        foreach (var line in band.Lines) items.Add(new LineItem(line));
    }

    /// <summary>
    /// Lines between two neighbouring horizontal rules form one band; every other line is a band
    /// of its own.
    /// </summary>
    static List<Band> Bands(List<TextLine> lines, IReadOnlyList<Rule> rules)
    {
        var horizontal = rules.Where(r => r.Horizontal && r.To - r.From >= MinRuleLength).OrderBy(r => r.At).ToList();
        var bands = new List<Band>();
        int? lastKey = null;
        foreach (var line in lines)
        {
            int? key = BandKey(line, horizontal);
            if (key is not null && key == lastKey && bands[^1].Lines.Count < MaxBandLines &&
                line.Top - bands[^1].Bottom < 1.5 * line.Size)
                bands[^1].Lines.Add(line);
            else
                bands.Add(new Band(new List<TextLine> { line }));
            lastKey = key;
        }
        return bands;
    }

    /// <summary>
    /// The position of the rule just above the line when a rule below closes the band; else null.
    /// Inner rules of a form often run under a few columns only (the cells left of them span
    /// several rows), so any rule at all marks a row boundary, whatever its horizontal extent.
    /// </summary>
    static int? BandKey(TextLine line, List<Rule> horizontal)
    {
        double y = (line.Top + line.Bottom) / 2;
        int above = -1, below = -1;
        for (int k = 0; k < horizontal.Count; k++)
        {
            if (horizontal[k].At <= y) above = k;
            else { below = k; break; }
        }
        if (above < 0 || below < 0) return null;
        // A tall gap between the rules holds a block of text, not a row.
        if (horizontal[below].At - horizontal[above].At > (MaxBandLines + 1) * 1.6 * line.Size) return null;
        return (int)Math.Round(horizontal[above].At * 4);
    }

    /// <summary>
    /// x intervals free of text in every row of the run that fall between chunks of at least one
    /// row: the column boundaries.
    /// </summary>
    static List<(double From, double To)> Gutters(List<Band> run)
    {
        var occupied = RuleMerger.JoinIntervals(run.SelectMany(r => r.Chunks).Select(c => (c.Left, c.Right)), 0);
        var free = new List<(double, double)>();
        for (int k = 0; k + 1 < occupied.Count; k++)
            free.Add((occupied[k].To, occupied[k + 1].From));
        // Each row must have chunks on both sides of at least one gutter, else it is not tabular.
        foreach (var band in run)
        {
            var row = band.Chunks;
            bool split = row.Count >= 2 && free.Any(g => row.Any(c => c.Right <= g.Item1 + 0.1) && row.Any(c => c.Left >= g.Item2 - 0.1));
            if (!split) return new();
        }
        return free;
    }

    static TableItem BuildTable(List<Band> rows, List<(double From, double To)> gutters, int page)
    {
        var edges = new List<double> { rows.Min(b => b.Lines.Min(l => l.Left)) };
        edges.AddRange(gutters.Select(g => (g.From + g.To) / 2));
        edges.Add(rows.Max(b => b.Lines.Max(l => l.Right)));
        // texts[row][column] = lines of that cell
        var texts = rows.Select(b => Cells(b, edges)).ToList();
        MergeExclusiveColumns(texts, edges);
        var table = new Table { Position = new SourcePosition(page, 0) };
        for (int r = 0; r < rows.Count; r++)
        {
            var row = new TableRow { Position = new SourcePosition(page, r + 1) };
            foreach (var cell in texts[r])
                row.Cells.Add(new TableCell(string.Join("\n", cell)) { Position = new SourcePosition(page, r + 1) });
            table.Rows.Add(row);
        }
        return new TableItem(table, edges.ToArray(), rows[0].Top, rows[^1].Bottom, Ruled: false);
    }

    /// <summary>A band's text by column: chunks of one line joined by a space, lines by a break.</summary>
    static List<List<string>> Cells(Band band, List<double> edges)
    {
        var cells = Enumerable.Range(0, edges.Count - 1).Select(_ => new List<string>()).ToList();
        foreach (var line in band.Lines)
        {
            var parts = Enumerable.Range(0, cells.Count).Select(_ => new List<string>()).ToList();
            foreach (var chunk in line.Chunks(GapEm))
            {
                int col = 0;
                while (col + 1 < cells.Count && chunk.Left >= edges[col + 1]) col++;
                parts[col].Add(chunk.Text);
            }
            for (int c = 0; c < cells.Count; c++)
                if (parts[c].Count > 0) cells[c].Add(string.Join(" ", parts[c]));
        }
        return cells;
    }

    /// <summary>
    /// A centred header ("小计") over right-aligned numbers leaves a whitespace gutter between the
    /// two although they are one column. Neighbouring columns that never both hold text in a row,
    /// where one of them holds text in only a few rows, are one column.
    /// </summary>
    static void MergeExclusiveColumns(List<List<List<string>>> texts, List<double> edges)
    {
        int c = 0;
        while (c + 1 < edges.Count - 1)
        {
            int left = texts.Count(r => r[c].Count > 0), right = texts.Count(r => r[c + 1].Count > 0);
            bool together = texts.Any(r => r[c].Count > 0 && r[c + 1].Count > 0);
            if (!together && Math.Min(left, right) <= Math.Max(2, Math.Max(left, right) / 4))
            {
                foreach (var row in texts)
                {
                    row[c].AddRange(row[c + 1]);
                    row.RemoveAt(c + 1);
                }
                edges.RemoveAt(c + 1);
                continue;   // the merged column may absorb its next neighbour too
            }
            c++;
        }
    }
}
