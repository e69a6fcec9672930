namespace Jixiao.Ingest.Pdf;

/// <summary>
/// Joins a table that continues on the next page: the next page starts with a table (no title in
/// between) whose column edges match. A header row repeated on the new page is dropped.
/// </summary>
internal static class TableStitcher
{
    const double EdgeTolerance = 4.0;

    /// <summary>
    /// The column edges of both parts together, when the outer edges agree (one part may have
    /// extra inner columns); null when the tables are not the same width.
    /// </summary>
    public static double[]? UnionEdges(double[] prev, double[] next)
    {
        if (Math.Abs(prev[0] - next[0]) > EdgeTolerance || Math.Abs(prev[^1] - next[^1]) > EdgeTolerance) return null;
        var all = prev.Concat(next).OrderBy(x => x).ToList();
        var union = new List<double>();
        foreach (var x in all)
            if (union.Count == 0 || x - union[^1] > EdgeTolerance) union.Add(x);
        return union.ToArray();
    }

    /// <summary>Appends the continuation's rows; both tables are first re-expressed on the union grid.</summary>
    public static void Append(TableItem target, TableItem continuation, double[] union)
    {
        Remap(target.Table, 0, MapInto(target.ColumnEdges, union));
        Remap(continuation.Table, 0, MapInto(continuation.ColumnEdges, union));
        var rows = continuation.Table.Rows;
        int start = 0;
        while (start < rows.Count && start < 3 && IsRepeatedHeader(target.Table, rows[start])) start++;
        if (start < rows.Count && SplitRow.Join(target.Table, rows[start])) start++;
        if (start < rows.Count) ExtendSplitCells(target.Table, rows[start]);
        for (int r = start; r < rows.Count; r++) target.Table.Rows.Add(rows[r]);
    }

    static int[] MapInto(double[] edges, double[] union) =>
        edges.Select(e => Array.FindIndex(union, u => Math.Abs(u - e) <= EdgeTolerance)).ToArray();

    /// <summary>Rewrites ColSpan so each cell covers the same page width on the finer grid.</summary>
    static void Remap(Table table, int start, int[] edgeMap)
    {
        if (edgeMap.Select((v, i) => v == i).All(b => b)) return;
        int cols = edgeMap.Length - 1;
        var carry = new int[cols];
        for (int r = start; r < table.Rows.Count; r++)
        {
            int c = 0;
            foreach (var cell in table.Rows[r].Cells)
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
    }

    /// <summary>Cells that reach the last row of the table, by starting grid column.</summary>
    internal static Dictionary<int, TableCell> OpenCellsAtBottom(Table table)
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
    public static bool IsRepeatedHeader(Table target, TableRow row)
    {
        var texts = row.Cells.Where(c => c.Text.Length > 0).Select(c => c.Text).ToList();
        if (texts.Count < 2) return false;
        // A data row can repeat an earlier one word for word; headings do not hold bare numbers.
        if (texts.Any(t => t.All(ch => char.IsDigit(ch) || ".,%=＝≥≤<>-".Contains(ch)))) return false;
        foreach (var earlier in target.Rows)
        {
            var other = earlier.Cells.Where(c => c.Text.Length > 0).Select(c => c.Text).ToList();
            if (other.Count >= texts.Count && other.Skip(other.Count - texts.Count).SequenceEqual(texts)) return true;
        }
        return false;
    }
}
