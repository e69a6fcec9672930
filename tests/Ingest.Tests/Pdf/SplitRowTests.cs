using Jixiao.Ingest.Pdf;

namespace Jixiao.Ingest.Tests.Pdf;

/// <summary>
/// A row cut by a page break (issue 17: `…补助资` | page number | `金` lost the form's key). Two hand-built pages
/// through the page assembler, as the PDF reader hands them over: rules, glyphs, a page number between.
/// </summary>
public class SplitRowTests
{
    static IEnumerable<Glyph> Text(string s, double x, double y) => s.Select((ch, k) => new Glyph(ch.ToString(), x + 10 * k, y, x + 10 * k + 10, y + 10, 10));

    /// <summary>A two-column ruled table (x 0/100/400) with one row per label → value pair, from y 10 down in rows of 20.</summary>
    static PageContent Page(int number, double top, params (string Label, string Value)[] rows) => Page(number, null, top, rows);

    static PageContent Page(int number, string? heading, double top, params (string Label, string Value)[] rows)
    {
        var glyphs = new List<Glyph>();
        if (heading is not null) glyphs.AddRange(Text(heading, 100, 40));
        var rules = new List<Rule> { new(false, 0, top, top + 20 * rows.Length), new(false, 100, top, top + 20 * rows.Length), new(false, 400, top, top + 20 * rows.Length) };
        for (int r = 0; r <= rows.Length; r++) rules.Add(new(true, top + 20 * r, 0, 400));
        for (int r = 0; r < rows.Length; r++)
        {
            glyphs.AddRange(Text(rows[r].Label, 5, top + 20 * r + 5));
            glyphs.AddRange(Text(rows[r].Value, 105, top + 20 * r + 5));
        }
        glyphs.AddRange(Text(number.ToString(), 195, 470)); // page number in the footer zone
        return PageReader.Layout(number, 500, 500, glyphs, rules);
    }

    static Table Assemble(params PageContent[] pages) => Assert.IsType<Table>(Assert.Single(Blocks(pages)));

    static List<Block> Blocks(params PageContent[] pages)
    {
        var doc = new SourceDocument("split.pdf", "pdf");
        var assembler = new DocumentAssembler(doc);
        foreach (var p in pages) assembler.Add(p);
        return doc.Blocks;
    }

    [Fact]
    public void A_value_cut_by_the_page_break_is_one_cell_again()
    {
        var table = Assemble(
            Page(1, 380, ("主管部门", "西安市信访局"), ("项目名称", "信访接待中心运行补助资")),
            Page(2, 10, ("", "金"), ("项目负责人", "张三")));
        Assert.Equal(new[] { "主管部门|西安市信访局", "项目名称|信访接待中心运行补助资金", "项目负责人|张三" },
            table.Rows.Select(r => string.Join("|", r.Cells.Select(c => c.Text))));
    }

    [Fact]
    public void A_new_row_after_the_break_stays_a_row()
    {
        var table = Assemble(
            Page(1, 380, ("主管部门", "西安市信访局"), ("项目名称", "信访接待中心运行补助资金")),
            Page(2, 10, ("项目负责人", "张三")));
        Assert.Equal(3, table.Rows.Count);
        Assert.Equal("信访接待中心运行补助资金", table.Rows[1].Cells[1].Text);
    }

    [Fact]
    public void Numbers_at_the_top_of_the_next_page_are_the_next_row_not_a_remainder()
    {
        // The first column empty as in a cut row, but `300` over `90` are two rows' values.
        var table = Assemble(
            Page(1, 380, ("接待人次", "300")),
            Page(2, 10, ("", "90"), ("办结率", "95")));
        Assert.Equal(3, table.Rows.Count);
        Assert.Equal("300", table.Rows[0].Cells[1].Text);
    }

    [Fact]
    public void A_last_row_continued_alone_on_the_next_page_joins_the_table()
    {
        // Same column grid, no header row on the new page, the page number between: one table.
        var table = Assemble(
            Page(1, 340, ("主管部门", "西安市信访局"), ("项目名称", "信访接待中心运行补助资金"), ("项目负责人", "张三")),
            Page(2, 10, ("联系电话", "029-12345678")));
        Assert.Equal(new[] { "主管部门", "项目名称", "项目负责人", "联系电话" }, table.Rows.Select(r => r.Cells[0].Text));
    }

    [Fact]
    public void A_cut_table_continued_under_a_running_heading_is_one_table()
    {
        // The heading repeats on the new page; the table ran to the foot of page 1 and the new page's table does
        // not start over: the heading is dropped and the last row joins its table.
        var blocks = Blocks(
            Page(1, "项目支出绩效目标表", 340, ("主管部门", "西安市信访局"), ("项目名称", "信访接待中心运行补助资金"), ("项目负责人", "张三")),
            Page(2, "项目支出绩效目标表", 80, ("联系电话", "029-12345678")));
        Assert.Equal(2, blocks.Count);
        Assert.Equal(4, Assert.IsType<Table>(blocks[1]).Rows.Count);
    }

    [Fact]
    public void One_form_per_page_under_the_same_title_is_not_stitched()
    {
        var blocks = Blocks(
            Page(1, "项目支出绩效目标表", 340, ("主管部门", "西安市信访局"), ("项目名称", "信访接待中心运行补助资金"), ("项目负责人", "张三")),
            Page(2, "项目支出绩效目标表", 80, ("主管部门", "西安市公安局"), ("项目名称", "安保服务")));
        Assert.Equal(4, blocks.Count);
    }
}
