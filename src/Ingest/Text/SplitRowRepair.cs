namespace Jixiao.Ingest.Text;

/// <summary>
/// The flattened text loses row boundaries when a label cell is followed by a blank line: seed 001's
/// `年度绩效目标` is the first cell of the header row `一级指标 … 偏差原因分析及改正措施`, which is why its
/// data rows start with an empty cell. When a short row plus the next row has exactly the cell count of
/// the rows below, and those rows are empty where the short row has cells, the two are one row.
/// </summary>
internal static class SplitRowRepair
{
    public static void Apply(Table table)
    {
        for (int r = 0; r + 2 < table.Rows.Count; r++)
        {
            var head = table.Rows[r];
            var next = table.Rows[r + 1];
            var below = table.Rows[r + 2];
            int k = head.Cells.Count, m = next.Cells.Count;
            if (k == 0 || m < 2 || k >= m) continue;
            if (below.Cells.Count != k + m) continue;
            if (next.Cells.Count == below.Cells.Count) continue;
            if (string.IsNullOrWhiteSpace(next.Cells[0].Text)) continue;
            bool leadingEmpty = below.Cells.Take(k).All(c => string.IsNullOrWhiteSpace(c.Text));
            if (!leadingEmpty) continue;
            next.Cells.InsertRange(0, head.Cells);
            table.Rows.RemoveAt(r);
        }
    }
}
