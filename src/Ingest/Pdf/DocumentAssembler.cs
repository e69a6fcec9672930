namespace Jixiao.Ingest.Pdf;

/// <summary>
/// Turns page contents into document blocks: drops page furniture, stitches tables over page
/// breaks and joins wrapped text lines into paragraphs.
/// </summary>
internal sealed class DocumentAssembler
{
    readonly SourceDocument _doc;
    readonly PageFurniture _furniture = new();
    TableItem? _openTable;   // the last block of the previous page, when it was a table
    double _openPageHeight;  // the height of the page the open table is on
    HashSet<string> _previousLines = new();
    // The paragraph that ended the previous page, with its last line and text margins, so prose cut
    // by the page break can be joined again.
    (Paragraph Block, LineItem Last, double Left, double Right)? _openParagraph;

    public DocumentAssembler(SourceDocument doc) => _doc = doc;

    public void Add(PageContent page)
    {
        _furniture.Remove(page);
        var items = page.Items;
        var lineTexts = items.OfType<LineItem>().Select(l => l.Text).ToHashSet();
        SkipRepeatedHeading(items);
        _previousLines = lineTexts;
        for (int i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item is TableItem t)
            {
                if (i == 0 && _openTable is not null && TableStitcher.UnionEdges(_openTable.ColumnEdges, t.ColumnEdges) is { } union)
                {
                    TableStitcher.Append(_openTable, t, union);
                    _openTable = _openTable with { ColumnEdges = union };
                    continue;
                }
                t.Table.Position = new SourcePosition(page.Number, i + 1);
                _doc.Blocks.Add(t.Table);
                _openTable = t;
                continue;
            }
            int j = i;
            while (j + 1 < items.Count && items[j + 1] is LineItem) j++;
            AddParagraphs(items.Skip(i).Take(j - i + 1).Cast<LineItem>().ToList(), page, i);
            _openTable = null;
            i = j;
        }
        // Only a table that ends the page can continue on the next one.
        if (items.Count == 0 || items[^1] is not TableItem) _openTable = null;
        _openPageHeight = page.Height;
    }

    /// <summary>
    /// Long tables repeat their title and unit line on every page. When the lines above the first
    /// table all appeared on the previous page and the table starts by repeating a header row of
    /// the open table, the lines are a running heading and the table continues. (One form per page
    /// with the same title is not stitched: its first row is not a repeated header.)
    /// </summary>
    void SkipRepeatedHeading(List<PageItem> items)
    {
        if (_openTable is null) return;
        int first = items.FindIndex(it => it is TableItem);
        if (first <= 0) return;
        if (!items.Take(first).All(it => it is LineItem l && _previousLines.Contains(l.Text))) return;
        var table = (TableItem)items[first];
        if (table.Table.Rows.Count == 0) return;
        if (!TableStitcher.IsRepeatedHeader(_openTable.Table, table.Table.Rows[0]) && !ContinuesCutTable(table)) return;
        if (TableStitcher.UnionEdges(_openTable.ColumnEdges, table.ColumnEdges) is null) return;
        items.RemoveRange(0, first);
    }

    /// <summary>
    /// Without a repeated header row: the open table ran to the foot of its page (cut by the page end) and the new
    /// page's table does not start over (its first text differs from the open table's first), so it is the rest of
    /// the cut table under a running heading, even a last row continued alone. One form per page with the same
    /// title starts each table with the same first label, so it is not stitched.
    /// </summary>
    bool ContinuesCutTable(TableItem next) =>
        _openTable is not null && _openTable.BottomEdge >= _openPageHeight * (1 - FootZone)
        && FirstText(next.Table) is { } a && FirstText(_openTable.Table) is { } b && a != b;

    const double FootZone = 0.2;

    static string? FirstText(Table table) =>
        table.Rows.Count == 0 ? null : table.Rows[0].Cells.Select(c => c.Text.Trim()).FirstOrDefault(t => t.Length > 0);

    void AddParagraphs(List<LineItem> lines, PageContent page, int firstItem)
    {
        double right = lines.Max(l => l.Line.Right);
        double left = lines.Min(l => l.Line.Left);
        string? text = null;
        LineItem? prev = null;
        int firstLine = 0;
        int start = 0;
        var here = page;
        if (firstItem == 0 && _openParagraph is { } open && ReferenceEquals(_doc.Blocks[^1], open.Block) &&
            Continues(open.Last, lines[0], Math.Min(open.Left, left), open.Right, acrossPages: true))
        {
            // Continue the last paragraph of the previous page.
            _doc.Blocks.RemoveAt(_doc.Blocks.Count - 1);
            text = JoinWrapped(open.Block.Text, lines[0].Text);
            firstLine = open.Block.Position.Line;
            prev = lines[0];
            start = 1;
            page = new PageContent(open.Block.Position.Page, page.Width, page.Height);
        }
        for (int k = start; k < lines.Count; k++)
        {
            var line = lines[k];
            if (text is not null && prev is not null && Continues(prev, line, left, right))
            {
                text = JoinWrapped(text, line.Text);
            }
            else
            {
                Flush(text, page, firstLine);
                page = here;
                text = line.Text;
                firstLine = firstItem + k + 1;
            }
            prev = line;
        }
        Flush(text, page, firstLine);
        _openParagraph = _doc.Blocks.Count > 0 && _doc.Blocks[^1] is Paragraph last && prev is not null
            ? (last, prev, left, right)
            : null;
    }

    void Flush(string? text, PageContent page, int line)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        _doc.Blocks.Add(new Paragraph(text) { Position = new SourcePosition(page.Number, line) });
    }

    /// <summary>A line wraps into the next when it runs to the right edge and the next starts flush left.</summary>
    static bool Continues(LineItem a, LineItem b, double left, double right, bool acrossPages = false)
    {
        double size = a.Line.Size;
        if (Math.Abs(a.Line.Size - b.Line.Size) > 0.6) return false;
        if (!acrossPages && b.Top - a.Bottom > size * 1.3) return false;
        if (a.Line.Right < right - size * 2) return false;
        if (b.Line.Left > left + size * 0.6 && b.Line.Left > a.Line.Left + size * 0.6) return false;
        // Justified prose has few wide gaps; a form-like line with spread-out chunks does not wrap.
        if (a.Line.Chunks(3).Count > 1 || b.Line.Chunks(3).Count > 1) return false;
        return true;
    }

    static string JoinWrapped(string a, string b)
    {
        if (a.Length == 0) return b;
        if (b.Length == 0) return a;
        bool cjk = TextLineBuilder.IsCjk(a[^1]) || TextLineBuilder.IsCjk(b[0]);
        return cjk ? a + b : a + " " + b;
    }
}
