namespace Jixiao.Ingest.Pdf;

/// <summary>
/// Joins a table that continues on the next page: the next page starts with a table (no title in
/// between) whose column edges match. A header row repeated on the new page is dropped.
/// </summary>
internal static class TableStitcher
{
    const double EdgeTolerance = 4.0;

    /// <summary>Column index map from <paramref name="next"/>'s edges into <paramref name="prev"/>'s, or null.</summary>
    public static int[]? MapEdges(double[] prev, double[] next)
    {
        if (Math.Abs(prev[0] - next[0]) > EdgeTolerance || Math.Abs(prev[^1] - next[^1]) > EdgeTolerance) return null;
        var map = new int[next.Length];
        int k = 0;
        for (int i = 0; i < next.Length; i++)
        {
            while (k < prev.Length && prev[k] < next[i] - EdgeTolerance) k++;
            if (k >= prev.Length || Math.Abs(prev[k] - next[i]) > EdgeTolerance) return null;
            map[i] = k;
        }
        return map;
    }

    public static void Append(Table target, Table continuation, int[] edgeMap)
    {
        var rows = continuation.Rows;
        int start = 0;
        if (rows.Count > 0 && IsRepeatedHeader(target, rows[0])) start = 1;
        RemapSpans(continuation, start, edgeMap);
        if (start < rows.Count) ExtendSplitCells(target, rows[start]);
        for (int r = start; r < rows.Count; r++) target.Rows.Add(rows[r]);
    }

    /// <summary>When the continuation has fewer columns, widen its cells' ColSpan to cover the first part's grid.</summary>
    static void RemapSpans(Table continuation, int start, int[] edgeMap)
    {
        bool identity = edgeMap.Select((v, i) => v == i).All(b => b) && edgeMap.Length == edgeMap[^1] + 1;
        if (identity) return;
        // Track occupied columns of the continuation's own grid to know where each cell starts.
        int cols = edgeMap.Length - 1;
        var carry = new int[cols];
        for (int r = start; r < continuation.Rows.Count; r++)
        {
            int c = 0;
            foreach (var cell in continuation.Rows[r].Cells)
            {
                while (c < cols && carry[c] > 0) c++;
                if (c >= cols) break;
                int end = Math.Min(cols, c + cell.ColSpan);
                for (int k = c; k < end; k++) carry[k] = cell.RowSpan;
                cell.ColSpan = Math.Max(1, edgeMap[end] - edgeMap[c]);
                c = end;
            }
            for (int k = 0; k < cols; k++) if (carry[k] > 0) carry[k]--;
        }
    }

    /// <summary>
    /// A merged cell cut by the page break reappears on the new page as an empty cell in the same
    /// columns: grow the cell above instead (its text is already there).
    /// </summary>
    static void ExtendSplitCells(Table target, TableRow first)
    {
        var open = OpenCellsAtBottom(target);
        int col = 0;
        var carried = new HashSet<int>();
        for (int i = 0; i < first.Cells.Count; i++)
        {
            var cell = first.Cells[i];
            if (open.TryGetValue(col, out var above) && above.ColSpan == cell.ColSpan &&
                (cell.Text.Length == 0 || cell.Text == above.Text) && (above.RowSpan > 1 || cell.RowSpan > 1))
            {
                above.RowSpan += cell.RowSpan;
                first.Cells.RemoveAt(i);
                i--;
            }
            col += cell.ColSpan;
        }
        _ = carried;
    }

    /// <summary>Cells that reach the last row of the table, by starting grid column.</summary>
    static Dictionary<int, TableCell> OpenCellsAtBottom(Table table)
    {
        var bottom = new Dictionary<int, (TableCell Cell, int LastRow)>();
        var busyUntil = new List<int>(); // per column: last row index covered by a cell above
        for (int r = 0; r < table.Rows.Count; r++)
        {
            int c = 0;
            foreach (var cell in table.Rows[r].Cells)
            {
                while (c < busyUntil.Count && busyUntil[c] >= r) c++;
                for (int k = c; k < c + cell.ColSpan; k++)
                {
                    while (busyUntil.Count <= k) busyUntil.Add(-1);
                    busyUntil[k] = r + cell.RowSpan - 1;
                }
                bottom[c] = (cell, r + cell.RowSpan - 1);
                c += cell.ColSpan;
            }
        }
        int last = table.Rows.Count - 1;
        return bottom.Where(p => p.Value.LastRow >= last).ToDictionary(p => p.Key, p => p.Value.Cell);
    }

    /// <summary>
    /// The first row on the new page repeats a header row of the first part (word processors
    /// repeat heading rows; the cell of a vertical merge comes back empty, so only the filled
    /// cells are compared, against the end of an earlier row).
    /// </summary>
    static bool IsRepeatedHeader(Table target, TableRow row)
    {
        var texts = row.Cells.Where(c => c.Text.Length > 0).Select(c => c.Text).ToList();
        if (texts.Count < 2) return false;
        foreach (var earlier in target.Rows)
        {
            var other = earlier.Cells.Where(c => c.Text.Length > 0).Select(c => c.Text).ToList();
            if (other.Count >= texts.Count && other.Skip(other.Count - texts.Count).SequenceEqual(texts)) return true;
        }
        return false;
    }
}
