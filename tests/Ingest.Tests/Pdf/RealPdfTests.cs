using static Jixiao.Ingest.Tests.Pdf.PdfTestSupport;

namespace Jixiao.Ingest.Tests.Pdf;

public class RealPdfTests
{
    [Fact]
    public void Guangzhou_TwoPageFormIsOneTable()
    {
        var doc = Read("real", "广州市政务服务和数据局2026年部门整体预算绩效目标申报表.pdf");
        Assert.Equal(2, doc.PageCount);
        var table = Assert.Single(doc.Tables);
        Assert.Equal("部门整体预算绩效目标申报表", doc.Paragraphs.First().Text);
        Assert.Contains(table.Rows, r => r.Cells.Any(c => c.Text == "一级指标"));
        Assert.Equal("广州市政务服务和数据管理局", RowWith(doc, "部门名称").Cells[1].Text);
        // The 年度重点工作任务 cell is cut by the page break and continues on page 2.
        Assert.Equal(6, Cell(doc, "年度重点工作任务").RowSpan);
    }

    [Fact]
    public void Guangzhou_TwelvePagePackedTableIsStitchedAndHeadingsDropped()
    {
        var doc = Read("real", "广州市政务服务和数据管理局2026年项目支出绩效目标表（含转移支付项目）.pdf");
        Assert.Equal(12, doc.PageCount);
        Assert.Single(doc.Tables);
        Assert.Equal(new[] { "项目支出绩效目标表（含转移支付项目）", "部门名称：广州市政务服务和数据管理局 单位：万元" }, doc.Paragraphs.Select(p => p.Text));
        Assert.Contains(Rows(doc).SelectMany(r => r.Cells), c => c.Text.Contains("数量指标"));
    }

    [Fact]
    public void Beijing_BudgetBookReadsEveryPage()
    {
        var doc = Read("real", "北京市重大项目建设指挥部办公室2026年度部门预算报表.pdf");
        Assert.Equal(18, doc.PageCount);
        Assert.True(doc.Tables.Count() >= 10, $"{doc.Tables.Count()} tables");
        Assert.Contains(doc.Paragraphs, p => p.Text.Contains("项目支出绩效目标表"));
        Assert.DoesNotContain(doc.Paragraphs, p => System.Text.RegularExpressions.Regex.IsMatch(p.Text, @"^\s*[-—]?\s*\d{1,3}\s*[-—]?\s*$"));
        // 预算表12 runs over pp13-17 with a two-row heading repeated on every page: one table, one heading.
        var title = doc.Paragraphs.First(p => p.Text == "预算表12 项目支出绩效目标表");
        var goals = Assert.IsType<Table>(doc.Blocks[doc.Blocks.IndexOf(title) + 2]);
        Assert.Single(goals.Rows, r => r.Cells.Any(c => c.Text == "项目名称"));
        Assert.Single(goals.Rows, r => r.Cells.Any(c => c.Text == "财政资金"));
        Assert.Equal(17, goals.Rows[^1].Position.Page);
        Assert.Contains(goals.Rows.SelectMany(r => r.Cells), c => c.Text == "绩效相关报告审核通过率");
    }

    [Fact]
    public void NationalBureau_ProseCutByAPageBreakIsOneParagraph()
    {
        var doc = Read("real", "国家信访局2024年度部门决算公开.pdf");
        Assert.Equal(50, doc.PageCount);
        var para = Assert.Single(doc.Paragraphs, p => p.Text.StartsWith("国家信访局组织对“信息化运行维护费”"));
        Assert.Contains("“信息化运行维护费”（一级项目）、“全国信访信息系统维护费”", para.Text);
        Assert.Equal(new SourcePosition(26, 23), para.Position);
        // The self-evaluation form on p30 follows its title.
        var title = doc.Paragraphs.First(p => p.Text == "信访干部培训专项项目绩效自评表");
        var form = Assert.IsType<Table>(doc.Blocks[doc.Blocks.IndexOf(title) + 2]);
        Assert.Equal("信访干部培训专项", form.Rows[0].Cells[1].Text);
    }
}
