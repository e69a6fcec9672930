using DocumentFormat.OpenXml.Packaging;
using Jixiao.Ingest;
using static Jixiao.Ingest.Tests.Docx.DocxBuilder;

namespace Jixiao.Ingest.Tests.Docx;

/// <summary>Merges and table structure on small documents built in the test.</summary>
public class DocxMergeTests
{
    [Fact]
    public void GridSpan_VMerge_and_GridBefore_become_HTML_style_rows()
    {
        // 4 grid columns.
        // row 1: [A (vMerge restart, 2 rows)] [B gridSpan 3]
        // row 2: [A continue] [C] [D (vMerge restart, 3 rows, gridSpan 2)]
        // row 3: gridBefore 1 -> first cell starts at column 1: [E] [D continue, gridSpan 2]
        // row 4: [F] [G] [D continue gridSpan 2]
        var xml = "<w:tbl>" + Grid(4)
            + "<w:tr>" + Tc("<w:vMerge w:val=\"restart\"/>", "A") + Tc("<w:gridSpan w:val=\"3\"/>", "B") + "</w:tr>"
            + "<w:tr>" + Tc("<w:vMerge/>") + Tc("", "C") + Tc("<w:gridSpan w:val=\"2\"/><w:vMerge w:val=\"restart\"/>", "D") + "</w:tr>"
            + "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>" + Tc("", "E") + Tc("<w:gridSpan w:val=\"2\"/><w:vMerge w:val=\"continue\"/>") + "</w:tr>"
            + "<w:tr>" + Tc("", "F") + Tc("", "G") + Tc("<w:gridSpan w:val=\"2\"/><w:vMerge/>") + "</w:tr>"
            + "</w:tbl>";
        var table = Assert.Single(Read(xml).Tables);

        Assert.Equal(4, table.Rows.Count);
        Assert.Equal(new[] { "A", "B" }, table.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal((2, 1), (table.Rows[0].Cells[0].RowSpan, table.Rows[0].Cells[0].ColSpan));
        Assert.Equal((1, 3), (table.Rows[0].Cells[1].RowSpan, table.Rows[0].Cells[1].ColSpan));
        Assert.Equal(new[] { "C", "D" }, table.Rows[1].Cells.Select(c => c.Text));
        Assert.Equal((3, 2), (table.Rows[1].Cells[1].RowSpan, table.Rows[1].Cells[1].ColSpan));
        // gridBefore emits no cell; the merge continues in grid column 2 all the same.
        Assert.Equal(new[] { "E" }, table.Rows[2].Cells.Select(c => c.Text));
        Assert.Equal(new[] { "F", "G" }, table.Rows[3].Cells.Select(c => c.Text));
    }

    [Fact]
    public void VMerge_continue_in_another_column_does_not_join_the_wrong_cell()
    {
        var xml = "<w:tbl>" + Grid(2)
            + "<w:tr>" + Tc("<w:vMerge w:val=\"restart\"/>", "A") + Tc("", "B") + "</w:tr>"
            + "<w:tr>" + Tc("", "C") + Tc("<w:vMerge/>", "") + "</w:tr>"
            + "</w:tbl>";
        var table = Assert.Single(Read(xml).Tables);
        Assert.Equal(1, table.Rows[0].Cells[0].RowSpan); // A was not continued (column 0 has C)
        Assert.Equal(2, table.Rows[0].Cells[1].RowSpan); // B is continued by the bare vMerge in column 1
        Assert.Equal(new[] { "C" }, table.Rows[1].Cells.Select(c => c.Text));
    }

    [Fact]
    public void Nested_table_is_its_own_block_after_the_outer_table()
    {
        var inner = "<w:tbl>" + Grid(2) + "<w:tr>" + Tc("", "x") + Tc("", "y") + "</w:tr></w:tbl>";
        var xml = P("标题") + "<w:tbl>" + Grid(2)
            + "<w:tr>" + Tc("", "outer") + "<w:tc><w:p><w:r><w:t>holder</w:t></w:r></w:p>" + inner + "<w:p/></w:tc></w:tr>"
            + "</w:tbl>" + P("after");
        var doc = Read(xml);

        Assert.Collection(doc.Blocks,
            b => Assert.Equal("标题", Assert.IsType<Paragraph>(b).Text),
            b =>
            {
                var outer = Assert.IsType<Table>(b);
                Assert.Equal(1, outer.Depth);
                Assert.Equal(new[] { "outer", "holder" }, outer.Rows[0].Cells.Select(c => c.Text));
            },
            b =>
            {
                var nested = Assert.IsType<Table>(b);
                Assert.Equal(2, nested.Depth);
                Assert.Equal(new[] { "x", "y" }, nested.Rows[0].Cells.Select(c => c.Text));
            },
            b => Assert.Equal("after", Assert.IsType<Paragraph>(b).Text));
    }

    [Fact]
    public void Cell_paragraphs_and_soft_breaks_are_newlines_without_trailing_newline()
    {
        var xml = "<w:tbl>" + Grid(1) + "<w:tr><w:tc>"
            + "<w:p><w:r><w:t>绩</w:t><w:br/><w:t>效</w:t><w:cr/><w:t>指</w:t></w:r></w:p>"
            + "<w:p><w:r><w:t>标</w:t><w:tab/><w:t>x</w:t></w:r></w:p><w:p/>"
            + "</w:tc></w:tr></w:tbl>";
        var cell = Read(xml).Tables.Single().Rows[0].Cells[0];
        Assert.Equal("绩\n效\n指\n标\tx", cell.Text);
    }

    [Fact]
    public void AltChunk_html_page_is_read_in_place()
    {
        var bytes = Build(P("前") + "<w:altChunk r:id=\"chunk1\"/>" + P("后"), main =>
        {
            var part = main.AddAlternativeFormatImportPart(DocumentFormat.OpenXml.Packaging.AlternativeFormatImportPartType.Html, "chunk1");
            part.FeedData(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
                "<html><body><p>绩效目标表</p><table><tr><td rowspan=2>指标</td><td>a</td></tr><tr><td>b</td></tr></table></body></html>")));
        });
        var doc = new Jixiao.Ingest.Docx.DocxParser().Parse(new MemoryStream(bytes), "chunk.docx", CancellationToken.None);
        Assert.Equal("docx", doc.Format);
        Assert.Equal(new[] { "前", "绩效目标表", "Table", "后" }, doc.Blocks.Select(b => b is Table ? "Table" : b.ToString()));
        Assert.Equal(2, doc.Tables.Single().Rows[0].Cells[0].RowSpan);
    }
}
