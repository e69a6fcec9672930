namespace Jixiao.Ingest.Doc;

/// <summary>
/// Receives paragraphs in text order with their nesting depth and cell/row marks, and assembles
/// body paragraphs and tables. One open table per depth; a paragraph of lower depth closes the
/// deeper ones. Nested tables are emitted right after their top-level table, in the order they
/// start, so the containing cell keeps only its own text.
/// </summary>
internal sealed class TableAssembler
{
    sealed class OpenTable
    {
        public required Table Table;
        public List<RawRow> Rows { get; } = new();
        public RawRow Row = new();
        public RawCell Cell = new();
    }

    readonly SourceDocument _doc;
    readonly List<OpenTable> _open = new();
    readonly List<OpenTable> _group = new();

    public TableAssembler(SourceDocument doc) => _doc = doc;

    public void BodyParagraph(string text, int line)
    {
        CloseTo(0);
        if (string.IsNullOrWhiteSpace(text)) return;
        _doc.Blocks.Add(new Paragraph(text) { Position = new SourcePosition(1, line) });
    }

    /// <summary>A paragraph inside a table at <paramref name="depth"/> (1-based).</summary>
    public void CellParagraph(int depth, string text, int line, bool endsCell)
    {
        var t = Ensure(depth, line);
        if (t.Cell.Paragraphs.Count == 0) t.Cell.Line = line;
        if (t.Row.Cells.Count == 0 && t.Cell.Paragraphs.Count == 0) t.Row.Line = line;
        t.Cell.Paragraphs.Add(text);
        if (endsCell)
        {
            t.Row.Cells.Add(t.Cell);
            t.Cell = new RawCell();
        }
    }

    /// <summary>The row-end mark (TTP) of a row at <paramref name="depth"/>, carrying the row's TAP.</summary>
    public void RowEnd(int depth, Tap tap, int line)
    {
        var t = Ensure(depth, line);
        FlushCell(t);
        t.Row.Tap = tap;
        if (t.Row.Cells.Count > 0) t.Rows.Add(t.Row);
        t.Row = new RawRow();
    }

    /// <summary>Closes every open table (end of the text).</summary>
    public void Finish() => CloseTo(0);

    OpenTable Ensure(int depth, int line)
    {
        CloseTo(depth);
        while (_open.Count < depth)
        {
            var t = new OpenTable { Table = new Table { Depth = _open.Count + 1, Position = new SourcePosition(1, line) } };
            _open.Add(t);
            _group.Add(t);
        }
        return _open[depth - 1];
    }

    void CloseTo(int depth)
    {
        while (_open.Count > depth)
        {
            var t = _open[^1];
            _open.RemoveAt(_open.Count - 1);
            FlushCell(t);
            if (t.Row.Cells.Count > 0) t.Rows.Add(t.Row);
            t.Row = new RawRow();
            TapGrid.Build(t.Rows, t.Table);
        }
        if (_open.Count == 0 && _group.Count > 0)
        {
            foreach (var t in _group)
                if (t.Table.Rows.Count > 0) _doc.Blocks.Add(t.Table);
            _group.Clear();
        }
    }

    /// <summary>Text after the last cell mark of a row (damaged or unmarked cells) still becomes a cell.</summary>
    static void FlushCell(OpenTable t)
    {
        if (t.Cell.Paragraphs.Count == 0) return;
        t.Row.Cells.Add(t.Cell);
        t.Cell = new RawCell();
    }
}
