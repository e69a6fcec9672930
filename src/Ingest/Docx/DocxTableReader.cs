using DocumentFormat.OpenXml;

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
    readonly List<Jixiao.Ingest.Table> _output = new();

    DocxTableReader(CancellationToken cancel) => _cancel = cancel;

    /// <summary>The table followed by the tables nested in its cells (each followed by its own nested tables).</summary>
    public static List<Jixiao.Ingest.Table> Read(OpenXmlElement tbl, int depth, CancellationToken cancel)
    {
        var reader = new DocxTableReader(cancel);
        reader.ReadTable(tbl, depth);
        return reader._output;
    }

    void ReadTable(OpenXmlElement tbl, int depth)
    {
        var table = new Jixiao.Ingest.Table { Depth = depth };
        _output.Add(table);
        var nested = new List<OpenXmlElement>();

        // Cells that reach the bottom of the previous row, by the grid column they start in.
        var above = new Dictionary<int, TableCell>();
        int rowNumber = 0;
        foreach (var tr in Rows(tbl))
        {
            _cancel.ThrowIfCancellationRequested();
            var trPr = tr.Child("trPr");
            if (trPr.Child("del") is not null) continue; // deleted row revision
            rowNumber++;
            var row = new TableRow { Position = new SourcePosition(1, rowNumber) };
            var current = new Dictionary<int, TableCell>();
            int col = trPr.Child("gridBefore").IntAttr("val", 0);
            TableCell? previous = null;
            foreach (var tc in Cells(tr))
            {
                var tcPr = tc.Child("tcPr");
                int span = Math.Max(1, tcPr.Child("gridSpan").IntAttr("val", 1));
                var (text, inner) = CellContent.Read(tc, _cancel);
                nested.AddRange(inner);

                var vMerge = tcPr.Child("vMerge");
                bool continues = vMerge is not null && vMerge.Attr("val") is null or "continue";
                if (continues && above.TryGetValue(col, out var top))
                {
                    top.RowSpan++;
                    if (text.Length > 0) top.Text = top.Text.Length > 0 ? top.Text + "\n" + text : text;
                    current[col] = top;
                }
                else if (tcPr.Child("hMerge").Attr("val") is "continue" && previous is not null)
                {
                    // Legacy horizontal merge (Word 97 era): the cell joins the one on its left.
                    previous.ColSpan += span;
                }
                else
                {
                    var cell = new TableCell(text, 1, span) { Position = row.Position };
                    row.Cells.Add(cell);
                    current[col] = cell;
                    previous = cell;
                }
                col += span;
            }
            table.Rows.Add(row);
            above = current;
        }

        foreach (var inner in nested) ReadTable(inner, depth + 1);
    }

    /// <summary>w:tr children, also those wrapped in row-level content controls or custom XML.</summary>
    static IEnumerable<OpenXmlElement> Rows(OpenXmlElement tbl) => Unwrap(tbl, "tr");

    static IEnumerable<OpenXmlElement> Cells(OpenXmlElement tr) => Unwrap(tr, "tc");

    static IEnumerable<OpenXmlElement> Unwrap(OpenXmlElement parent, string name)
    {
        foreach (var c in parent.ChildElements)
        {
            if (c.LocalName == name) yield return c;
            else if (c.LocalName is "sdt" or "customXml" or "ins" or "moveTo" or "sdtContent" or "AlternateContent")
            {
                var inner = c.LocalName == "AlternateContent" ? WordXml.ChooseAlternate(c) : c;
                if (inner is null) continue;
                foreach (var x in Unwrap(inner, name)) yield return x;
            }
        }
    }

    /// <summary>A cell's own text (paragraphs joined by '\n') and the tables nested in it.</summary>
    sealed class CellContent : IContentSink
    {
        readonly List<string> _lines = new();
        readonly List<OpenXmlElement> _tables = new();

        public static (string Text, List<OpenXmlElement> Tables) Read(OpenXmlElement tc, CancellationToken cancel)
        {
            var sink = new CellContent();
            WordContentWalker.Walk(tc, sink, cancel);
            return (string.Join('\n', sink._lines).Trim('\n'), sink._tables);
        }

        public void Paragraph(string text) => _lines.Add(text);
        public void Table(OpenXmlElement tbl) => _tables.Add(tbl);
    }
}
