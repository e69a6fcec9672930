namespace Jixiao.Extract;

/// <summary>
/// The rows of one table out of the line stream, with where the table stands in the document: what the
/// cell features read their layout from (row/column index, neighbours, header above, table position).
/// </summary>
internal sealed class TableView
{
    public required List<Line> Rows { get; init; }

    /// <summary>Index of the first row in the document's line stream.</summary>
    public int FirstLine { get; init; }

    /// <summary>0-based position among the document's tables.</summary>
    public int Ordinal { get; init; }

    /// <summary>0-based position among the tables since the last title paragraph (the table's place in its form).</summary>
    public int OrdinalInForm { get; init; }

    public int Width { get; init; }

    public static List<TableView> Split(List<Line> lines) => Split(lines, 0, int.MaxValue);

    /// <summary>Up to <paramref name="limit"/> tables from line <paramref name="from"/> on; ordinals count the tables before it too.</summary>
    static List<TableView> Split(List<Line> lines, int from, int limit)
    {
        var tables = new List<TableView>();
        int sinceTitle = 0, ordinal = 0;
        for (int i = 0; i < lines.Count;)
        {
            if (lines[i].IsParagraph)
            {
                if (TitleRules.IsTitle(lines[i].Paragraph!)) sinceTitle = 0;
                i++;
                continue;
            }
            int start = i, table = lines[i].Table;
            var rows = new List<Line>();
            while (i < lines.Count && !lines[i].IsParagraph && lines[i].Table == table) rows.Add(lines[i++]);
            if (start < from) { ordinal++; sinceTitle++; continue; }
            int width = rows.Max(r => r.Cells.Count == 0 ? 0 : r.Cells[^1].Col + r.Cells[^1].Span);
            tables.Add(new TableView { Rows = rows, FirstLine = start, Ordinal = ordinal++, OrdinalInForm = sinceTitle++, Width = width });
            if (tables.Count == limit) break;
        }
        return tables;
    }

    /// <summary>The table holding line <paramref name="index"/>; <paramref name="row"/> is that line's row in it.</summary>
    public static TableView Containing(List<Line> lines, int index, out int row)
    {
        int table = lines[index].Table, start = index;
        while (start > 0 && !lines[start - 1].IsParagraph && lines[start - 1].Table == table) start--;
        row = index - start;
        return Split(lines, start, 1)[0];
    }

    /// <summary>The cell of row <paramref name="r"/> that covers column <paramref name="col"/>, or null.</summary>
    public Cell? At(int r, int col)
    {
        if (r < 0 || r >= Rows.Count) return null;
        foreach (var c in Rows[r].Cells)
            if (c.Col <= col && col < c.Col + c.Span) return c;
        return null;
    }

    /// <summary>
    /// The label a value cell stands under: the nearest short, non-numeric cell above in the same column
    /// (the column header, or the sub-header under a group label).
    /// </summary>
    public Cell? HeaderAbove(int r, Cell cell)
    {
        for (int k = r - 1; k >= 0; k--)
        {
            var up = At(k, cell.Col);
            if (up is null || up.IsEmpty) continue;
            if (up.Label.Length <= 16 && !TextNorm.IsNumber(up.Raw) && !TextNorm.HasDigit(up.Label.Replace("年", ""))) return up;
            if (up.Label.Length <= 16 && YearLike(up.Label)) return up;
        }
        return null;
    }

    static bool YearLike(string label) => label.Length >= 4 && label.Length <= 10 && (label.StartsWith("19") || label.StartsWith("20")) && label.Contains('年');

    /// <summary>The nearest filled, non-numeric cell to the left in the same row: the label a value belongs to.</summary>
    public static Cell? LabelLeft(Line row, Cell cell)
    {
        Cell? hit = null;
        foreach (var c in row.Cells)
        {
            if (c.Col >= cell.Col) break;
            if (!c.IsEmpty && !TextNorm.IsNumber(c.Raw)) hit = c;
        }
        return hit;
    }
}
