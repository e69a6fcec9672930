using Jixiao.Ingest;

namespace Jixiao.Extract;

/// <summary>
/// One cell of a row as the extractor sees it. A slot covered by a vertical merge from above appears
/// as an empty, <see cref="Covered"/> cell (the way the flattened text writes it), so that every format
/// reads like every other; a horizontal merge appears once, with its span.
/// </summary>
internal sealed class Cell
{
    public required string Raw { get; init; }
    public required string Label { get; init; }
    public int Col { get; init; }
    public int Span { get; init; } = 1;
    public bool Covered { get; init; }
    public SourceRef? Ref { get; init; }
    public bool IsEmpty => Label.Length == 0;
    public override string ToString() => Covered ? "^" : Raw;
}

/// <summary>A paragraph or a table row, in document order.</summary>
internal sealed class Line
{
    public int Block { get; init; }
    public int Row { get; init; } = -1;
    public string? Paragraph { get; init; }
    public List<Cell> Cells { get; init; } = new();

    /// <summary>The table this row belongs to (block index), -1 for paragraphs.</summary>
    public int Table => Paragraph is null ? Block : -1;

    /// <summary>True when the table came without real column positions (flattened text): align by order.</summary>
    public bool Ragged { get; init; }

    public bool IsParagraph => Paragraph is not null;

    /// <summary>Cells with text, in column order.</summary>
    public IEnumerable<Cell> Filled => Cells.Where(c => !c.IsEmpty);

    public override string ToString() => IsParagraph ? "¶ " + Paragraph : string.Join(" | ", Cells);
}

/// <summary>Flattens a <see cref="SourceDocument"/> into the line stream the form readers walk.</summary>
internal static class LineStream
{
    public static List<Line> From(SourceDocument doc)
    {
        var lines = new List<Line>();
        bool ragged = doc.Format == "text";
        for (int b = 0; b < doc.Blocks.Count; b++)
        {
            switch (doc.Blocks[b])
            {
                case Paragraph p:
                    foreach (var part in Bounded(p.Text).Split('\n'))
                        if (TextNorm.Label(part).Length > 0) lines.Add(new Line { Block = b, Paragraph = part.Trim() });
                    break;
                case Table t:
                    AddTable(lines, t, b, ragged);
                    break;
            }
        }
        return KeyedSheets.Join(lines);
    }

    /// <summary>
    /// The longest text the readers see in one cell or paragraph. Every reader passes over every cell several
    /// times (labels, roles, values), so the work grows with the total text: one 1 MB shared string used by a
    /// thousand spreadsheet cells made a 13 KB file cost minutes and gigabytes. No 绩效表 cell is anywhere near
    /// this long; a longer one is cut here with a visible mark, and the value it becomes is flagged for review
    /// when it is stored.
    /// </summary>
    internal const int MaxTextChars = 16 * 1024;

    static string Bounded(string text) =>
        text.Length <= MaxTextChars ? text : text[..(char.IsHighSurrogate(text[MaxTextChars - 1]) ? MaxTextChars - 1 : MaxTextChars)] + "…[truncated]";

    static void AddTable(List<Line> lines, Table table, int block, bool ragged)
    {
        var grid = TableGrid.Build(table);
        for (int r = 0; r < grid.RowCount; r++)
        {
            var cells = new List<Cell>();
            for (int c = 0; c < grid.ColCount; c++)
            {
                var cell = grid.Slots[r, c];
                if (cell is null) continue;
                var (orow, ocol) = grid.Origins[r, c];
                if (ocol != c) continue; // horizontally covered: the cell was listed at its first column
                int span = 1;
                while (c + span < grid.ColCount && grid.Slots[r, c + span] == cell) span++;
                if (orow == r)
                {
                    var text = Bounded(cell.Text);
                    cells.Add(new Cell { Raw = text, Label = TextNorm.Label(text), Col = c, Span = span, Ref = new SourceRef(block, r, c) });
                }
                else
                    cells.Add(new Cell { Raw = "", Label = "", Col = c, Span = span, Covered = true, Ref = new SourceRef(block, orow, c) });
            }
            lines.Add(new Line { Block = block, Row = r, Cells = cells, Ragged = ragged });
        }
    }
}
