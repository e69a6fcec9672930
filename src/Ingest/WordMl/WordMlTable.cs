using System.Xml.Linq;

namespace Jixiao.Ingest.WordMl;

/// <summary>
/// A Word 2003 XML w:tbl as the model's HTML-style table: w:gridSpan widens a cell, w:vmerge="restart"
/// opens a vertical merge and a bare w:vmerge (or val="continue") in the same grid column below extends
/// it; w:gridBefore leaves grid columns empty at the row's start. Tables nested in cells follow their table.
/// </summary>
internal static class WordMlTable
{
    static readonly XNamespace W = WordMlParser.W;

    /// <summary>Deep nesting in a hostile file must not exhaust the stack.</summary>
    const int MaxDepth = 64;

    public static List<Table> Read(XElement tbl, int depth, CancellationToken cancel)
    {
        var output = new List<Table>();
        ReadInto(tbl, depth, output, cancel);
        return output;
    }

    static void ReadInto(XElement tbl, int depth, List<Table> output, CancellationToken cancel)
    {
        var table = new Table { Depth = depth };
        output.Add(table);
        var nested = new List<XElement>();
        var above = new Dictionary<int, TableCell>();
        int rowNumber = 0;
        foreach (var tr in Children(tbl, "tr"))
        {
            cancel.ThrowIfCancellationRequested();
            rowNumber++;
            var row = new TableRow { Position = new SourcePosition(1, rowNumber) };
            var current = new Dictionary<int, TableCell>();
            int col = IntVal(tr.Element(W + "trPr")?.Element(W + "gridBefore"), 0);
            foreach (var tc in Children(tr, "tc"))
            {
                var tcPr = tc.Element(W + "tcPr");
                int span = Math.Max(1, IntVal(tcPr?.Element(W + "gridSpan"), 1));
                var text = string.Join("\n", tc.Elements(W + "p").Select(WordMlText.Paragraph)).Trim('\n');
                nested.AddRange(tc.Descendants(W + "tbl").Where(t => t.Ancestors(W + "tbl").First() == tbl));

                var vmerge = tcPr?.Element(W + "vmerge") ?? tcPr?.Element(W + "vMerge");
                var mergeVal = (string?)vmerge?.Attribute(W + "val");
                bool continues = vmerge is not null && mergeVal is null or "continue";
                if (continues && above.TryGetValue(col, out var top))
                {
                    top.RowSpan++;
                    if (text.Length > 0) top.Text = top.Text.Length > 0 ? top.Text + "\n" + text : text;
                    current[col] = top;
                }
                else
                {
                    var cell = new TableCell(text, 1, span) { Position = row.Position };
                    row.Cells.Add(cell);
                    current[col] = cell;
                }
                col += span;
            }
            above = current;
            table.Rows.Add(row);
        }
        if (depth >= MaxDepth) return;
        foreach (var inner in nested.Distinct())
            ReadInto(inner, depth + 1, output, cancel);
    }

    /// <summary>Rows or cells of this table, looking through wrappers (custom XML, smart tags) but not into nested tables.</summary>
    static IEnumerable<XElement> Children(XElement parent, string local)
    {
        foreach (var e in parent.Elements())
        {
            if (e.Name == W + local) yield return e;
            else if (e.Name != W + "tbl" && e.Name != W + "tc" && e.Name.LocalName is not ("tblPr" or "tblGrid" or "trPr" or "tcPr"))
                foreach (var inner in Children(e, local)) yield return inner;
        }
    }

    static int IntVal(XElement? e, int fallback) =>
        e is not null && int.TryParse((string?)e.Attribute(W + "val"), out int v) ? Math.Clamp(v, 0, 1000) : fallback;
}
