namespace Jixiao.Ingest;

/// <summary>
/// A table laid out on a rectangular grid: each slot points at the cell that covers it. Built from the
/// HTML-style rows of <see cref="Table"/> the way a browser lays out rowspan/colspan.
/// </summary>
public sealed class TableGrid
{
    public TableGrid(TableCell?[,] slots, (int Row, int Col)[,] origins)
    {
        Slots = slots;
        Origins = origins;
    }

    /// <summary>[row, col] → the covering cell, or null where a short row leaves a hole.</summary>
    public TableCell?[,] Slots { get; }

    /// <summary>[row, col] → where the covering cell starts.</summary>
    public (int Row, int Col)[,] Origins { get; }

    public int RowCount => Slots.GetLength(0);
    public int ColCount => Slots.GetLength(1);

    public bool IsOrigin(int r, int c) => Slots[r, c] is not null && Origins[r, c] == (r, c);

    public static TableGrid Build(Table table)
    {
        int rows = table.Rows.Count;
        var taken = new List<Dictionary<int, ((int, int) origin, TableCell cell)>>();
        for (int r = 0; r < rows; r++) taken.Add(new());
        int width = 0;
        for (int r = 0; r < rows; r++)
        {
            int c = 0;
            foreach (var cell in table.Rows[r].Cells)
            {
                while (taken[r].ContainsKey(c)) c++;
                int rs = Math.Max(1, Math.Min(cell.RowSpan, rows - r));
                int cs = Math.Max(1, Math.Min(cell.ColSpan, 1000));
                for (int dr = 0; dr < rs; dr++)
                    for (int dc = 0; dc < cs; dc++)
                        taken[r + dr].TryAdd(c + dc, ((r, c), cell));
                c += cs;
                width = Math.Max(width, c);
            }
            if (taken[r].Count > 0) width = Math.Max(width, taken[r].Keys.Max() + 1);
        }
        var slots = new TableCell?[rows, width];
        var origins = new (int, int)[rows, width];
        for (int r = 0; r < rows; r++)
            foreach (var (col, (origin, cell)) in taken[r])
            {
                slots[r, col] = cell;
                origins[r, col] = origin;
            }
        return new TableGrid(slots, origins);
    }
}
