namespace Jixiao.Ingest.Sheet;

/// <summary>
/// Turns a <see cref="SheetGrid"/> into blocks: title paragraphs, then one HTML-style table over the
/// used range. Cells covered by a merge are left out; the merge's top-left cell carries the spans.
/// </summary>
internal static class SheetTableBuilder
{
    /// <summary>Cells one sheet may expand to; a stray cell at XFD1048576 must not cost gigabytes.</summary>
    internal const long MaxCells = 1_000_000;

    /// <summary>Leading title rows looked at; forms have one title, sometimes a subtitle.</summary>
    const int MaxTitleRows = 3;

    /// <summary>
    /// Appends the sheet's blocks to <paramref name="doc"/>. Returns false (and appends nothing) when the
    /// sheet shows no text.
    /// </summary>
    public static bool AppendTo(SourceDocument doc, SheetGrid grid, CancellationToken cancel, long maxCells = MaxCells)
    {
        if (grid.UsedRange() is not { } used) return false;
        if ((long)used.Rows * used.Cols > maxCells)
        {
            int rows = (int)Math.Max(1, maxCells / used.Cols);
            doc.Warnings.Add($"sheet '{grid.Name}': {used.Rows} x {used.Cols} cells, only the first {rows} rows read");
            used = used with { LastRow = used.FirstRow + rows - 1 };
        }

        var layout = MergeLayout.Build(grid.Merges, used);
        var table = new Table { Name = grid.Name, Position = new SourcePosition(grid.Index, used.FirstRow) };
        for (int r = used.FirstRow; r <= used.LastRow; r++)
        {
            cancel.ThrowIfCancellationRequested();
            var row = new TableRow { Position = new SourcePosition(grid.Index, r) };
            for (int c = used.FirstCol; c <= used.LastCol; c++)
            {
                if (layout.IsCovered(r, c)) continue;
                var span = layout.AnchorAt(r, c);
                row.Cells.Add(new TableCell(grid.Get(r, c), span?.Rows ?? 1, span?.Cols ?? 1)
                {
                    Position = new SourcePosition(grid.Index, r),
                });
            }
            table.Rows.Add(row);
        }

        foreach (var title in Titles(grid, used, layout))
            doc.Blocks.Add(title);
        doc.Blocks.Add(table);
        return true;
    }

    /// <summary>
    /// A form's title is a leading row whose only text sits in one merged cell spanning most of the
    /// table's width (e.g. "2023年项目支出绩效目标申报表" over A1:E1). The row stays in the table too.
    /// </summary>
    static IEnumerable<Paragraph> Titles(SheetGrid grid, CellRange used, MergeLayout layout)
    {
        int width = used.Cols;
        if (width < 2) yield break;
        int minSpan = Math.Max(2, (int)Math.Ceiling(width * 0.6));
        int r = used.FirstRow;
        for (int n = 0; n < MaxTitleRows && r <= used.LastRow; n++)
        {
            CellRange? title = null;
            bool other = false;
            for (int c = used.FirstCol; c <= used.LastCol; c++)
            {
                if (layout.IsCovered(r, c) || string.IsNullOrWhiteSpace(grid.Get(r, c))) continue;
                if (title is null && layout.AnchorAt(r, c) is { } span && span.Cols >= minSpan) title = span;
                else other = true;
            }
            if (title is not { } t || other) yield break;
            yield return new Paragraph(grid.Get(t.FirstRow, t.FirstCol)) { Position = new SourcePosition(grid.Index, r) };
            r = t.LastRow + 1;
        }
    }
}
