using static Jixiao.Ingest.Tests.Pdf.PdfTestSupport;

namespace Jixiao.Ingest.Tests.Pdf;

public class SyntheticPdfTests
{
    [Fact]
    public void DeptTarget03_TitleThenOneTableOverThreePages()
    {
        var doc = Read("synthetic", "dept_target_03.pdf");
        Assert.Equal(3, doc.PageCount);
        var table = Assert.Single(doc.Tables);
        var title = doc.Blocks.OfType<Paragraph>().First();
        Assert.Equal("津市市应急管理局2023年部门整体绩效目标表", Flat(title.Text));
        Assert.True(doc.Blocks.IndexOf(title) < doc.Blocks.IndexOf(table));
        Assert.Contains(doc.Paragraphs, p => p.Text == "单位：万元");
    }

    [Fact]
    public void DeptTarget03_BudgetCellsAndSpans()
    {
        var doc = Read("synthetic", "dept_target_03.pdf");
        var row = RowWith(doc, "财政拨款");
        Assert.Equal(new[] { "财政拨款", "4054.58", "100%", "4818.93", "5191.76" }, row.Cells.Select(c => Flat(c.Text)).TakeLast(5));
        Assert.Equal(3, row.Cells.First(c => c.Text == "财政拨款").ColSpan);
        var block = Cell(doc, "部门总体资金情况");
        Assert.Equal(10, block.RowSpan);
        Assert.Equal(4, Cell(doc, "收入构成").RowSpan);
        var name = Cell(doc, "部门（单位）名称");
        Assert.Equal(2, name.ColSpan);
        Assert.Equal("部门（单位）\n名称", name.Text);
        Assert.Equal("17108596115", Flat(RowWith(doc, "填报人").Cells[^1].Text));
    }

    [Fact]
    public void DeptTarget03_AllGoldIndicatorsHaveTheirRow()
    {
        var doc = Read("synthetic", "dept_target_03.pdf");
        AssertIndicatorRows(doc, "dept_target_03.gold.json");
        // Quotes sit above the baseline of their line; they must stay in it.
        Assert.Contains(Rows(doc).SelectMany(r => r.Cells), c => c.Text == "“三公”经费变动率");
    }

    [Fact]
    public void LongTarget01_TwoPagesStitchedIntoOneTable()
    {
        var doc = Read("synthetic", "long_target_01.pdf");
        Assert.Equal(2, doc.PageCount);
        var table = Assert.Single(doc.Tables);
        Assert.IsType<Paragraph>(doc.Blocks[0]);
        Assert.Equal("2023年项目支出绩效目标表", doc.Blocks[0].ToString());
        // The heading row repeated on page 2 is dropped.
        Assert.Single(table.Rows, r => r.Cells.Any(c => c.Text == "一级指标"));
        // Merged cells cut by the page break continue instead of restarting.
        Assert.Equal(11, Cell(doc, "质量指标").RowSpan);
        Assert.Equal(61, Cell(doc, "绩效指标").RowSpan);
        Assert.Equal(70, table.Rows.Count);
        AssertIndicatorRows(doc, "long_target_01.gold.json");
        var last = table.Rows[^1].Cells.Select(c => Flat(c.Text)).ToList();
        Assert.Equal(new[] { "生态环境成本指标", "对生态环境造成的负面影响", "无明显影响", "计划标准" }, last);
    }

    [Fact]
    public void ProjSelf02_FundsBlockAndIndicators()
    {
        var doc = Read("synthetic", "proj_self_02.pdf");
        Assert.Equal(2, doc.PageCount);
        Assert.Single(doc.Tables);
        Assert.Equal("2024年度项目支出绩效自评表", doc.Paragraphs.First().Text);
        var funds = RowWith(doc, "年度资金总额");
        Assert.Equal(new[] { "年度资金总额", "37.08", "37.08", "35.26", "10", "95.10%", "9.51" }, funds.Cells.Select(c => Flat(c.Text)));
        Assert.Equal(2, funds.Cells[0].ColSpan);
        Assert.Equal(4, Cell(doc, "项目资金（万元）").RowSpan);
        Assert.Equal(6, Cell(doc, "产出指标").RowSpan);
        AssertIndicatorRows(doc, "proj_self_02.gold.json");
        var reform = RowWith(doc, "完成农村危房改造户数");
        Assert.StartsWith("部分乡镇申报材料不齐全，审核\n", reform.Cells.First(c => c.Text.StartsWith("部分")).Text);
    }
}
