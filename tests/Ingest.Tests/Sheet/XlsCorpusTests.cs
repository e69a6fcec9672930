using System.Text.Json;
using Jixiao.Ingest.Sheet;
using Jixiao.Tests;
using static Jixiao.Ingest.Tests.Sheet.SheetTestSupport;

namespace Jixiao.Ingest.Tests.Sheet;

public class XlsCorpusTests
{
    [Fact]
    public void Transfer02_TitleMergesAndAmounts()
    {
        var d = Read(new XlsParser(), "synthetic", "transfer_02.xls");
        Assert.Equal("xls", d.Format);
        Assert.Equal(1, d.PageCount);
        Assert.Equal("2024年度中央对地方转移支付区域绩效目标表", Assert.IsType<Paragraph>(d.Blocks[0]).Text);
        var t = Assert.IsType<Table>(d.Blocks[1]);
        Assert.Equal(18, t.Rows.Count);
        var money = Cell(t, 5, 0);
        Assert.Equal("资金情况\n（万元）", money.Text);
        Assert.Equal((3, 1), (money.RowSpan, money.ColSpan));
        Assert.Equal("18862.44", Cell(t, 5, 2).Text);
        Assert.Equal((1, 4), (Cell(t, 5, 2).RowSpan, Cell(t, 5, 2).ColSpan));
        AssertRectangular(t);

        var cells = Texts(d).ToHashSet();
        using var gold = JsonDocument.Parse(File.ReadAllText(Corpus.File("synthetic", "transfer_02.gold.json")));
        var form = gold.RootElement.GetProperty("forms")[0];
        foreach (var ind in form.GetProperty("indicators").EnumerateArray())
            Assert.Contains(ind.GetProperty("target").GetString()!, cells);
        foreach (var b in form.GetProperty("budget").EnumerateArray())
            Assert.Contains(b.GetProperty("value").GetString()!, cells);
    }

    [Theory]
    [InlineData("中央部门项目支出表_北京大学校园足球_1.xls")]
    [InlineData("中央部门项目支出表_北京大学校园足球_template.xls")]
    public void WpsWorkbook_ElevenSheetsWithTitles(string file)
    {
        var d = Read(new XlsParser(), "real", file);
        Assert.Equal(11, d.PageCount);
        Assert.Equal(11, d.Tables.Count());
        Assert.Contains(d.Paragraphs, p => p.Text == "项目支出绩效自评表");
        foreach (var t in d.Tables) AssertRectangular(t);
        // WPS writes a merge's value into every cell it covers: only the top-left is emitted.
        var basic = d.Tables.First();
        Assert.Equal("项目基本信息", basic.Name);
        Assert.Single(basic.Rows.Single(r => r.Position.Line == 2).Cells);
    }

    [Fact]
    public void WpsWorkbook_PercentCellsAndSpans()
    {
        var d = Read(new XlsParser(), "real", "中央部门项目支出表_北京大学校园足球_1.xls");
        var monitor = d.Tables.Single(t => t.Name == "项目支出绩效目标执行监控");
        Assert.Equal("0.00%", Cell(monitor, 8, 4).Text);           // 1-7月执行率, a 0.00% number
        Assert.Equal((1, 2), (Cell(monitor, 8, 4).RowSpan, Cell(monitor, 8, 4).ColSpan));
        Assert.Equal("190.00", Cell(monitor, 8, 2).Text);
        var goal = Cell(monitor, 12, 0);
        Assert.Equal("年度总体目标", goal.Text);
        Assert.Equal((8, 1), (goal.RowSpan, goal.ColSpan));

        var plan = d.Tables.Single(t => t.Name == "项目支出明细");
        Assert.Equal("150.00", Cell(plan, 7, 8).Text);
        Assert.Equal("0.0125万元/集", Cell(plan, 9, 7).Text);

        var basic = d.Tables.First();
        Assert.Equal("105210000000180112", Cell(basic, 6, 3).Text);
    }
}
