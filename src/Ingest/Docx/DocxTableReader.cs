using System.Xml;

namespace Jixiao.Ingest.Docx;

/// <summary>
/// Turns a w:tbl into the model's HTML-style table. Word describes merges per grid position:
/// w:gridSpan widens a cell over grid columns, w:vMerge="restart" opens a vertical merge and a
/// bare w:vMerge (continue) in the same grid column of the next row extends it, w:gridBefore /
/// w:gridAfter leave grid columns empty at the row's ends. A continue cell becomes RowSpan + 1
/// on the cell that started the merge and is not repeated.
/// </summary>
internal sealed class DocxTableReader
{
    readonly CancellationToken _cancel;
    readonly int _depth;
    readonly Jixiao.Ingest.Table _table;
    // Tables nested in the cells, each already followed by its own nested tables; they follow this table.
    readonly List<Jixiao.Ingest.Table> _nested = new();

    // Cells that reach the bottom of the previous row, by the grid column they start in.
    Dictionary<int, TableCell> _above = new();
    int _rowNumber;

    DocxTableReader(int depth, CancellationToken cancel)
    {
        _cancel = cancel;
        _depth = depth;
        _table = new Jixiao.Ingest.Table { Depth = depth };
    }

    /// <summary>
    /// The w:tbl the reader is on (consumed), followed by the tables nested in its cells (each followed by its
    /// own nested tables).
    /// </summary>
    public static List<Jixiao.Ingest.Table> Read(XmlReader tbl, int depth, CancellationToken cancel)
    {
        var reader = new DocxTableReader(depth, cancel);
        reader.Rows(tbl);
        var output = new List<Jixiao.Ingest.Table>(1 + reader._nested.Count) { reader._table };
        output.AddRange(reader._nested);
        return output;
    }

    /// <summary>w:tr children, also those wrapped in row-level content controls or custom XML.</summary>
    void Rows(XmlReader parent)
    {
        int depth = WordXml.Enter(parent);
        while (WordXml.NextChild(parent, depth))
        {
            if (parent.LocalName == "tr") Row(parent);
            else if (IsWrapper(parent.LocalName)) Unwrap(parent, Rows);
            else parent.Skip();
        }
    }

    static bool IsWrapper(string name) => name is "sdt" or "customXml" or "ins" or "moveTo" or "sdtContent" or "AlternateContent";

    static void Unwrap(XmlReader wrapper, Action<XmlReader> read)
    {
        if (wrapper.LocalName == "AlternateContent") WordXml.ChosenAlternate(wrapper, read);
        else read(wrapper);
    }

    /// <summary>One w:tr. Its w:trPr comes before its cells (schema order): a deleted row is skipped whole.</summary>
    void Row(XmlReader tr)
    {
        _cancel.ThrowIfCancellationRequested();
        var state = new RowState();
        int depth = WordXml.Enter(tr);
        bool sawProperties = false;
        while (WordXml.NextChild(tr, depth))
        {
            if (tr.LocalName == "trPr" && !sawProperties)
            {
                sawProperties = true;
                RowProperties(tr, state);
            }
            else if (state.Deleted) tr.Skip(); // deleted row revision
            else Cells(tr, state);
        }
        if (state.Deleted) return;
        _table.Rows.Add(StartRow(state));
        _above = state.Current;
    }

    static void RowProperties(XmlReader trPr, RowState state)
    {
        bool sawBefore = false;
        WordXml.Children(trPr, p =>
        {
            if (p.LocalName == "del") state.Deleted = true;
            else if (p.LocalName == "gridBefore" && !sawBefore)
            {
                sawBefore = true;
                state.Col = WordXml.IntAttr(p, "val", 0);
            }
            return false;
        });
    }

    TableRow StartRow(RowState state) =>
        state.Row ??= new TableRow { Position = new SourcePosition(1, ++_rowNumber) };

    /// <summary>A w:tc, or a wrapper holding cells; anything else in a row is skipped.</summary>
    void Cells(XmlReader r, RowState state)
    {
        if (r.LocalName == "tc") Cell(r, state);
        else if (IsWrapper(r.LocalName))
            Unwrap(r, wrapper =>
            {
                int depth = WordXml.Enter(wrapper);
                while (WordXml.NextChild(wrapper, depth)) Cells(wrapper, state);
            });
        else r.Skip();
    }

    void Cell(XmlReader tc, RowState state)
    {
        var row = StartRow(state);
        var content = new CellContent(_depth, _cancel);
        var props = new CellProperties();
        int depth = WordXml.Enter(tc);
        bool sawProperties = false;
        while (WordXml.NextChild(tc, depth))
        {
            if (tc.LocalName == "tcPr" && !sawProperties)
            {
                sawProperties = true;
                props.Read(tc);
            }
            else WordContentWalker.Block(tc, content, _cancel);
        }
        var text = content.Text;
        _nested.AddRange(content.Tables);

        int col = state.Col, span = Math.Max(1, props.GridSpan);
        if (props.VMergeContinues && _above.TryGetValue(col, out var top))
        {
            top.RowSpan++;
            if (text.Length > 0) top.Text = top.Text.Length > 0 ? top.Text + "\n" + text : text;
            state.Current[col] = top;
        }
        else if (props.HMergeContinues && state.Previous is not null)
        {
            // Legacy horizontal merge (Word 97 era): the cell joins the one on its left.
            state.Previous.ColSpan += span;
        }
        else
        {
            var cell = new TableCell(text, 1, span) { Position = row.Position };
            row.Cells.Add(cell);
            state.Current[col] = cell;
            state.Previous = cell;
        }
        state.Col = col + span;
    }

    sealed class RowState
    {
        public bool Deleted;
        public int Col;
        public TableRow? Row;
        public TableCell? Previous;
        public readonly Dictionary<int, TableCell> Current = new();
    }

    /// <summary>What w:tcPr says about merging (the first of each property counts).</summary>
    sealed class CellProperties
    {
        public int GridSpan = 1;
        public bool VMergeContinues, HMergeContinues;

        public void Read(XmlReader tcPr)
        {
            bool span = false, vMerge = false, hMerge = false;
            WordXml.Children(tcPr, p =>
            {
                switch (p.LocalName)
                {
                    case "gridSpan" when !span:
                        span = true;
                        GridSpan = WordXml.IntAttr(p, "val", 1);
                        break;
                    case "vMerge" when !vMerge:
                        vMerge = true;
                        VMergeContinues = WordXml.Attr(p, "val") is null or "continue";
                        break;
                    case "hMerge" when !hMerge:
                        hMerge = true;
                        HMergeContinues = WordXml.Attr(p, "val") is "continue";
                        break;
                }
                return false;
            });
        }
    }

    /// <summary>A cell's own text (paragraphs joined by '\n') and the tables nested in it, read as met.</summary>
    sealed class CellContent(int depth, CancellationToken cancel) : IContentSink
    {
        readonly List<string> _lines = new();
        public readonly List<Jixiao.Ingest.Table> Tables = new();

        public string Text => string.Join('\n', _lines).Trim('\n');

        public void Paragraph(string text) => _lines.Add(text);
        public void Table(XmlReader tbl) => Tables.AddRange(Read(tbl, depth + 1, cancel));
    }
}
