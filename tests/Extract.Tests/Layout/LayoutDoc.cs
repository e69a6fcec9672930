using Jixiao.Ingest;

namespace Jixiao.Extract.Tests.Layout;

/// <summary>Small documents built in the test: a title paragraph and tables, as a PDF's grid builder hands them over.</summary>
internal static class LayoutDoc
{
    public static SourceDocument Doc(string title, params TableRow[] rows) => Doc(title, new[] { rows });

    public static SourceDocument Doc(string title, params TableRow[][] tables)
    {
        var src = new SourceDocument("layout.pdf", "pdf");
        src.Blocks.Add(new Paragraph(title));
        foreach (var rows in tables)
        {
            var table = new Table();
            table.Rows.AddRange(rows);
            src.Blocks.Add(table);
        }
        return src;
    }

    public static TableRow R(params TableCell[] cells)
    {
        var row = new TableRow();
        row.Cells.AddRange(cells);
        return row;
    }

    public static TableCell C(string text, int rowSpan = 1, int colSpan = 1) => new(text, rowSpan, colSpan);

    public static Form One(SourceDocument src) => Extractor.Extract(src, RulesOnlyOracle.Instance).Forms.Single();
}
