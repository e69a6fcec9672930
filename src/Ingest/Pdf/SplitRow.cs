namespace Jixiao.Ingest.Pdf;

/// <summary>
/// A row cut by the page break: its text goes on at the top of the next page in the same columns
/// (`项目名称 | …补助资` at the foot of one page, ` | 金` at the head of the next, the page number between).
/// The next page's first row is the rest of the last row, not a row of its own, when
/// - its first column is empty and unmerged while the last row has its own label there (a new row of a
///   label/value or indicator table names itself in the first column; a merge going on is handled apart);
/// - every text it holds continues text in the same columns of the last row, and none of it, above or below,
///   is a bare number (a number is a complete value: `300` over `90%` are two rows' targets);
/// - it fills fewer columns than the last row (only the cells that overflowed go on).
/// </summary>
internal static class SplitRow
{
    /// <summary>Appends <paramref name="first"/>'s texts to the open cells of <paramref name="target"/>'s last row when
    /// the row is such a remainder; the caller then drops it.</summary>
    public static bool Join(Table target, TableRow first)
    {
        if (target.Rows.Count == 0 || first.Cells.Count == 0) return false;
        if (first.Cells.Any(c => c.RowSpan != 1) || first.Cells[0].Text.Trim().Length > 0) return false;
        var open = TableStitcher.OpenCellsAtBottom(target);
        var lastRow = target.Rows[^1];
        if (!open.TryGetValue(0, out var label) || !lastRow.Cells.Contains(label) || label.Text.Trim().Length == 0) return false;
        var joins = new List<(TableCell Above, string Text)>();
        int col = 0;
        foreach (var cell in first.Cells)
        {
            var text = cell.Text.Trim();
            if (text.Length > 0)
            {
                if (!open.TryGetValue(col, out var above) || above.ColSpan != cell.ColSpan || above.Text.Trim().Length == 0) return false;
                if (IsBareNumber(text) || IsBareNumber(above.Text.Trim())) return false;
                joins.Add((above, text));
            }
            col += cell.ColSpan;
        }
        int filledBelow = first.Cells.Count(c => c.Text.Trim().Length > 0);
        int filledAbove = open.Values.Count(c => c.Text.Trim().Length > 0);
        if (joins.Count == 0 || filledBelow >= filledAbove) return false;
        foreach (var (above, text) in joins) above.Text = above.Text.TrimEnd() + text;
        return true;
    }

    static bool IsBareNumber(string text) =>
        text.Any(char.IsDigit) && text.All(ch => char.IsDigit(ch) || ".,%‰=＝≥≤<>＜＞-+ ".Contains(ch));
}
