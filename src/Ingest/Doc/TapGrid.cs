namespace Jixiao.Ingest.Doc;

/// <summary>A cell as the text gives it: its paragraphs, before merges are resolved.</summary>
internal sealed class RawCell
{
    public List<string> Paragraphs { get; } = new();
    public int Line { get; set; }
    public string Text => string.Join('\n', Paragraphs);
}

/// <summary>A row as the text gives it: its cells in order and the row-end paragraph's TAP.</summary>
internal sealed class RawRow
{
    public List<RawCell> Cells { get; } = new();
    public Tap? Tap { get; set; }
    public int Line { get; set; }
}

/// <summary>
/// Turns rows of cells with twip boundaries into the HTML-style model. The column grid is the
/// union of every row's rgdxaCenter (close values snapped together, as Word's own drawing does);
/// a cell's ColSpan is the number of grid columns between its boundaries. Horizontally merged
/// cells (fMerged) fold into the first cell of their run; a vertically continued cell (fVertMerge
/// without fVertRestart) extends the RowSpan of the cell above it and is not emitted.
/// </summary>
internal static class TapGrid
{
    /// <summary>Boundaries closer than this (twips) are one grid line: Word nudges edges by a few twips.</summary>
    const int SnapTwips = 3;

    /// <summary>
    /// A row whose outer edge lies less than this inside the table's outermost edge (twips, MS-DOC's unit:
    /// 1/1440 inch) is taken to reach it. LibreOffice's Word import (MINLAY, 23 twips = 0.4 mm, a tenth of
    /// a 五号 character) adds the empty edge cell only for a gap of at least that much; a row that starts
    /// 5 twips right of its neighbours is an editing slip, not a 5-twip column.
    /// </summary>
    internal const int MinCellTwips = 23;

    sealed class Placed
    {
        public required string Text;
        public int Left = int.MinValue, Right = int.MinValue;
        public Tap.Tc Tc;
        public int Line;
        public bool HasGeometry => Left != int.MinValue;
    }

    public static void Build(List<RawRow> rawRows, Table table)
    {
        var rows = new List<List<Placed>>(rawRows.Count);
        var edges = new List<int>();
        foreach (var raw in rawRows) rows.Add(Place(raw));
        AbsorbEdgeOffsets(rows);
        foreach (var placed in rows)
            foreach (var c in placed)
                if (c.HasGeometry) { edges.Add(c.Left); edges.Add(c.Right); }
        var grid = Snap(edges);

        // Cells still open for a vertical merge, keyed by their first grid column.
        var open = new Dictionary<int, TableCell>();
        for (int r = 0; r < rows.Count; r++)
        {
            var row = new TableRow { Position = new SourcePosition(1, rawRows[r].Line) };
            var stillOpen = new Dictionary<int, TableCell>();
            int col = 0;
            var cells = rows[r];
            // LibreOffice and Word draw a row narrower than the table with an empty cell filling the
            // gap at either side (LibreOffice's bLEmptyCol / bREmptyCol); so do we, so both readings agree.
            if (cells.Count > 0 && cells[0].HasGeometry && grid.Length > 0)
            {
                int first = Index(grid, cells[0].Left);
                if (first > 0) row.Cells.Add(new TableCell("", 1, first) { Position = new SourcePosition(1, cells[0].Line) });
            }
            foreach (var c in cells)
            {
                int start = c.HasGeometry ? Index(grid, c.Left) : col;
                int end = c.HasGeometry ? Index(grid, c.Right) : start + 1;
                int span = Math.Max(1, end - start);
                col = start + span;
                if (c.Tc.FVertMerge && !c.Tc.FVertRestart && open.TryGetValue(start, out var above) && above.ColSpan == span)
                {
                    above.RowSpan++;
                    if (c.Text.Length > 0) above.Text = above.Text.Length == 0 ? c.Text : above.Text + "\n" + c.Text;
                    stillOpen[start] = above;
                    continue;
                }
                var cell = new TableCell(c.Text, 1, span) { Position = new SourcePosition(1, c.Line) };
                row.Cells.Add(cell);
                if (c.Tc.FVertMerge) stillOpen[start] = cell;
            }
            if (cells.Count > 0 && cells[^1].HasGeometry && col < grid.Length - 1)
                row.Cells.Add(new TableCell("", 1, grid.Length - 1 - col) { Position = new SourcePosition(1, cells[^1].Line) });
            open = stillOpen;
            table.Rows.Add(row);
        }
    }

    /// <summary>Moves a row's first left / last right edge onto the table's outermost one when it lies less than <see cref="MinCellTwips"/> inside it.</summary>
    static void AbsorbEdgeOffsets(List<List<Placed>> rows)
    {
        var firsts = rows.Where(r => r.Count > 0 && r[0].HasGeometry).Select(r => r[0]).ToList();
        var lasts = rows.Where(r => r.Count > 0 && r[^1].HasGeometry).Select(r => r[^1]).ToList();
        if (firsts.Count == 0 || lasts.Count == 0) return;
        int minLeft = firsts.Min(c => c.Left), maxRight = lasts.Max(c => c.Right);
        foreach (var c in firsts)
            if (c.Left > minLeft && c.Left - minLeft < MinCellTwips && c.Right - minLeft >= MinCellTwips) c.Left = minLeft;
        foreach (var c in lasts)
            if (c.Right < maxRight && maxRight - c.Right < MinCellTwips && maxRight - c.Left >= MinCellTwips) c.Right = maxRight;
    }

    /// <summary>Gives each cell its boundaries from the TAP and folds horizontally merged cells into the first.</summary>
    static List<Placed> Place(RawRow raw)
    {
        var list = new List<Placed>(raw.Cells.Count);
        var tap = raw.Tap;
        for (int i = 0; i < raw.Cells.Count; i++)
        {
            var p = new Placed { Text = raw.Cells[i].Text, Line = raw.Cells[i].Line };
            if (tap is not null && i < tap.ItcMac && i + 1 < tap.RgdxaCenter.Count)
            {
                p.Left = tap.RgdxaCenter[i];
                p.Right = Math.Max(p.Left, tap.RgdxaCenter[i + 1]);
                p.Tc = tap.Cells[i];
            }
            var prev = list.Count > 0 ? list[^1] : null;
            if (prev is not null && p.Tc.FMerged && prev.HasGeometry && p.HasGeometry)
            {
                prev.Right = Math.Max(prev.Right, p.Right);
                if (p.Text.Length > 0) prev.Text = prev.Text.Length == 0 ? p.Text : prev.Text + "\n" + p.Text;
                continue;
            }
            list.Add(p);
        }
        return list;
    }

    static int[] Snap(List<int> edges)
    {
        edges.Sort();
        var grid = new List<int>();
        foreach (var e in edges)
            if (grid.Count == 0 || e - grid[^1] > SnapTwips) grid.Add(e);
        return grid.ToArray();
    }

    /// <summary>Index of the grid line nearest to <paramref name="x"/>.</summary>
    static int Index(int[] grid, int x)
    {
        int i = Array.BinarySearch(grid, x);
        if (i >= 0) return i;
        i = ~i;
        if (i == 0) return 0;
        if (i == grid.Length) return grid.Length - 1;
        return x - grid[i - 1] <= grid[i] - x ? i - 1 : i;
    }
}
