namespace Jixiao.Ingest.Text;

/// <summary>
/// Groups classified lines into paragraphs and table rows.
/// <list type="bullet">
/// <item>A cell line starts a cell; plain lines right after it continue that cell (soft breaks, paragraphs).</item>
/// <item>One blank line inside a table ends the row. Plain lines after it still belong to the last cell
/// (Word wrote a multi-paragraph cell, e.g. `部门（单位）⏎⏎名称`), and cell lines that follow them without a blank
/// continue the same row.</item>
/// <item>Two or more blank lines end the table; plain lines outside a table are paragraphs.</item>
/// </list>
/// </summary>
internal sealed class TextTableBuilder
{
    readonly SourceDocument _doc;
    readonly CancellationToken _cancel;
    Table? _table;
    TableRow? _row;
    TableCell? _cell;
    int _blanks;

    public TextTableBuilder(SourceDocument doc, CancellationToken cancel)
    {
        _doc = doc;
        _cancel = cancel;
    }

    public void Build(List<TextLine> lines)
    {
        foreach (var line in lines)
        {
            _cancel.ThrowIfCancellationRequested();
            switch (line.Kind)
            {
                case TextLineKind.Blank:
                    _blanks++;
                    if (_blanks >= 2) EndTable();
                    break;
                case TextLineKind.Cell:
                    OnCell(line);
                    _blanks = 0;
                    break;
                case TextLineKind.Plain:
                    OnPlain(line);
                    _blanks = 0;
                    break;
            }
        }
        EndTable();
    }

    void OnCell(TextLine line)
    {
        if (_table is null)
        {
            _table = new Table { Position = new SourcePosition(1, line.Number) };
            _doc.Blocks.Add(_table);
        }
        // A blank line before this cell ends the row, unless plain lines (continuing the last cell) came between.
        if (_row is null || _blanks > 0)
        {
            _row = new TableRow { Position = new SourcePosition(1, line.Number) };
            _table.Rows.Add(_row);
        }
        _cell = new TableCell(line.Text) { Position = new SourcePosition(1, line.Number) };
        _row.Cells.Add(_cell);
    }

    void OnPlain(TextLine line)
    {
        if (_cell is null)
        {
            _doc.Blocks.Add(new Paragraph(line.Text) { Position = new SourcePosition(1, line.Number) });
            return;
        }
        // Inside a table: continue the last cell. After one blank line this is a further paragraph of it.
        _cell.Text = _cell.Text + "\n" + line.Text;
    }

    void EndTable()
    {
        _table = null;
        _row = null;
        _cell = null;
    }
}
