using AngleSharp.Dom;

namespace Jixiao.Ingest.Html;

/// <summary>
/// An HTML &lt;table&gt; is already what the model wants: rows of the cells that start in them, with
/// rowspan/colspan. Spans are clamped (rowspan="0" or past the last row means "to the end",
/// absurd colspans are capped) so a damaged page cannot make a table with thousands of columns.
/// Tables inside cells are read afterwards as their own blocks, one level deeper.
/// </summary>
internal sealed class HtmlTableReader
{
    const int MaxColSpan = 1000;
    readonly CancellationToken _cancel;
    readonly List<Table> _output = new();

    HtmlTableReader(CancellationToken cancel) => _cancel = cancel;

    /// <summary>The table, then the tables nested in its cells (each followed by its own nested tables).</summary>
    public static List<Table> Read(IElement table, int depth, CancellationToken cancel)
    {
        var reader = new HtmlTableReader(cancel);
        reader.ReadTable(table, depth);
        return reader._output;
    }

    /// <summary>The table's caption as one line of text (a title), or null.</summary>
    public static string? Caption(IElement table)
    {
        var caption = table.Children.FirstOrDefault(c => c.LocalName.Equals("caption", StringComparison.OrdinalIgnoreCase));
        if (caption is null) return null;
        var buffer = new TextBuffer();
        new InlineText(buffer, new List<IElement>()).VisitChildren(caption);
        var text = string.Join('\n', buffer.TakeLines());
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    void ReadTable(IElement tableElement, int depth)
    {
        var table = new Table { Depth = depth, Position = Position(tableElement) };
        _output.Add(table);
        var nested = new List<IElement>();
        var rows = Rows(tableElement).ToList();
        for (int r = 0; r < rows.Count; r++)
        {
            _cancel.ThrowIfCancellationRequested();
            var tr = rows[r];
            var row = new TableRow { Position = Position(tr) };
            foreach (var td in tr.Children)
            {
                if (!td.LocalName.Equals("td", StringComparison.OrdinalIgnoreCase) && !td.LocalName.Equals("th", StringComparison.OrdinalIgnoreCase)) continue;
                if (HtmlElements.IsSkipped(td)) continue;
                var buffer = new TextBuffer();
                new InlineText(buffer, nested).VisitChildren(td);
                var text = string.Join('\n', buffer.TakeLines());
                int remaining = rows.Count - r;
                int rowSpan = Span(td, "rowspan", 1);
                if (rowSpan <= 0 || rowSpan > remaining) rowSpan = remaining;
                int colSpan = Math.Clamp(Span(td, "colspan", 1), 1, MaxColSpan);
                row.Cells.Add(new TableCell(text, rowSpan, colSpan) { Position = row.Position });
            }
            table.Rows.Add(row);
        }
        foreach (var inner in nested) ReadTable(inner, depth + 1);
    }

    static int Span(IElement e, string name, int fallback)
    {
        var v = e.GetAttribute(name);
        if (v is null) return fallback;
        // Browsers read the leading digits ("2;" and " 3 " both count).
        v = v.Trim();
        int n = 0, i = 0;
        while (i < v.Length && char.IsAsciiDigit(v[i]) && n < 100_000) n = n * 10 + (v[i++] - '0');
        return i == 0 ? fallback : n;
    }

    /// <summary>Rows in tree order, never a nested table's; hidden rows and Word's misaligned-columns row left out.</summary>
    static IEnumerable<IElement> Rows(IElement table) =>
        HtmlElements.OwnRows(table).Where(tr => !HtmlElements.IsSkipped(tr) && !HtmlElements.IsMisalignedColumnsRow(tr));

    static SourcePosition Position(IElement e) =>
        e.SourceReference is { } s ? new SourcePosition(1, s.Position.Line) : SourcePosition.None;
}
