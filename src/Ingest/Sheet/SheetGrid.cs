namespace Jixiao.Ingest.Sheet;

/// <summary>A rectangular block of cells, 1-based and inclusive (an Excel merge such as B2:C3).</summary>
internal readonly record struct CellRange(int FirstRow, int FirstCol, int LastRow, int LastCol)
{
    public int Rows => LastRow - FirstRow + 1;
    public int Cols => LastCol - FirstCol + 1;
    public bool Contains(int row, int col) => row >= FirstRow && row <= LastRow && col >= FirstCol && col <= LastCol;
}

/// <summary>
/// One sheet as the readers see it: the displayed text of each non-empty cell and the merged ranges.
/// Both the xlsx and the xls reader fill one; <see cref="SheetTableBuilder"/> turns it into blocks.
/// </summary>
internal sealed class SheetGrid
{
    readonly Dictionary<long, string> cells = new();

    public SheetGrid(string name, int index)
    {
        Name = name;
        Index = index;
    }

    /// <summary>Sheet name as the workbook spells it.</summary>
    public string Name { get; }

    /// <summary>1-based position of the sheet in the workbook (hidden sheets count).</summary>
    public int Index { get; }

    public List<CellRange> Merges { get; } = new();

    public int CellCount => cells.Count;

    static long Key(int row, int col) => ((long)row << 20) | (uint)col;

    /// <summary>Records a cell's displayed text; empty text is not stored.</summary>
    public void Set(int row, int col, string text)
    {
        if (row < 1 || col < 1 || string.IsNullOrEmpty(text)) return;
        cells[Key(row, col)] = text;
    }

    public string Get(int row, int col) => cells.TryGetValue(Key(row, col), out var t) ? t : "";

    /// <summary>The smallest range holding every cell with visible (non-blank) text, or null.</summary>
    public CellRange? UsedRange()
    {
        int r1 = int.MaxValue, c1 = int.MaxValue, r2 = 0, c2 = 0;
        foreach (var (key, text) in cells)
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            int r = (int)(key >> 20), c = (int)(key & 0xFFFFF);
            r1 = Math.Min(r1, r); r2 = Math.Max(r2, r);
            c1 = Math.Min(c1, c); c2 = Math.Max(c2, c);
        }
        return r2 == 0 ? null : new CellRange(r1, c1, r2, c2);
    }
}
