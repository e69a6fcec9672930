using System.Diagnostics;
using System.Text.Json;
using Jixiao.Ingest.Sheet;
using Jixiao.Tests;
using static Jixiao.Ingest.Tests.Sheet.SheetTestSupport;

namespace Jixiao.Ingest.Tests.Sheet;

public class XlsxCorpusTests
{
    [Fact]
    public void ProjTarget02_TwoSheetsWithTitlesMergesAndNumbers()
    {
        var d = Read(new XlsxParser(), "synthetic", "proj_target_02.xlsx");
        Assert.Equal("xlsx", d.Format);
        Assert.Equal(2, d.PageCount);
        Assert.Equal(new[] { "项目1", "项目2" }, d.Tables.Select(t => t.Name));
        // Title paragraph right before each sheet's table.
        Assert.IsType<Paragraph>(d.Blocks[0]);
        Assert.Equal("2022年度项目支出绩效目标申报表", ((Paragraph)d.Blocks[0]).Text);
        Assert.IsType<Table>(d.Blocks[1]);
        Assert.IsType<Paragraph>(d.Blocks[2]);

        var t = d.Tables.First();
        Assert.Equal(new SourcePosition(1, 1), t.Position);
        Assert.Equal(26, t.Rows.Count);
        var title = Cell(t, 1, 0);
        Assert.Equal((1, 5), (title.RowSpan, title.ColSpan));
        var money = Cell(t, 7, 0);
        Assert.Equal("资金情况\n（万元）", money.Text);
        Assert.Equal((3, 1), (money.RowSpan, money.ColSpan));
        Assert.Equal("718.03", Cell(t, 7, 2).Text);     // numFmtId 2 (0.00)
        Assert.Equal((1, 3), (Cell(t, 7, 2).RowSpan, Cell(t, 7, 2).ColSpan));
        Assert.Equal("0", Cell(t, 9, 1).Text);           // row 9 starts under the A7:A9 span
        Assert.Equal(2, t.Rows.Single(r => r.Position.Line == 9).Cells.Count);
        Assert.Equal(2, d.Tables.Last().Position.Page);
        foreach (var table in d.Tables) AssertRectangular(table);
    }

    [Fact]
    public void ProjTarget02_EveryGoldIndicatorAndBudgetValueIsACell()
    {
        var d = Read(new XlsxParser(), "synthetic", "proj_target_02.xlsx");
        var cells = Texts(d).ToHashSet();
        using var gold = JsonDocument.Parse(File.ReadAllText(Corpus.File("synthetic", "proj_target_02.gold.json")));
        int checkedValues = 0;
        foreach (var form in gold.RootElement.GetProperty("forms").EnumerateArray())
        {
            foreach (var ind in form.GetProperty("indicators").EnumerateArray())
            {
                Assert.Contains(ind.GetProperty("level3").GetString()!, cells);
                Assert.Contains(ind.GetProperty("target").GetString()!, cells);
                checkedValues += 2;
            }
            foreach (var b in form.GetProperty("budget").EnumerateArray())
            {
                Assert.Contains(b.GetProperty("value").GetString()!, cells);
                checkedValues++;
            }
        }
        Assert.True(checkedValues > 40, $"only {checkedValues} gold values checked");
    }

    [Fact]
    public void Real7_TwentySheetsOneFormEach()
    {
        var d = Read(new XlsxParser(), "real", "二级项目支出绩效目标申报表 (7).xlsx");
        Assert.Equal(20, d.PageCount);
        Assert.Equal(20, d.Tables.Count());
        Assert.Equal(20, d.Paragraphs.Count(p => p.Text == "二级项目支出绩效目标申报表"));
        var t = d.Tables.First();
        Assert.Equal("1.政府购买服务（专业技术服务类+党群服务中心社工）", t.Name);
        var code = Cell(t, 2, 1);
        Assert.Equal("440306231390302000056", code.Text);
        Assert.Equal((1, 2), (code.RowSpan, code.ColSpan));
        // #,##0.00 style (numFmtId 4x) on a stored integer.
        Assert.Equal("30,556,500.00", Cell(t, 6, 1).Text);
        // Stray tabs and a trailing line break are kept as written.
        Assert.EndsWith("\t\t\t\n", Cell(t, 7, 1).Text);
        foreach (var table in d.Tables) AssertRectangular(table);
    }

    [Fact]
    public void Real8_IndicatorBlockSpans()
    {
        var d = Read(new XlsxParser(), "real", "二级项目支出绩效目标申报表 (8).xlsx");
        Assert.Equal(20, d.PageCount);
        Assert.Equal(20, d.Tables.Count());
        var t = d.Tables.First();
        Assert.Equal("440306231390300900036", Cell(t, 2, 1).Text);
        Assert.Equal("2,658,000.00", Cell(t, 6, 1).Text);   // t="n" 2658000.0 under numFmtId 40
        var output = Cell(t, 12, 0);
        Assert.Equal("产出", output.Text);
        Assert.Equal((8, 1), (output.RowSpan, output.ColSpan)); // A12:A19
        Assert.Equal((2, 1), (Cell(t, 12, 1).RowSpan, Cell(t, 12, 1).ColSpan)); // B12:B13
        Assert.Equal(3, t.Rows.Single(r => r.Position.Line == 13).Cells.Count);
        Assert.Equal("达到95%", Cell(t, 14, 2).Text);
        foreach (var table in d.Tables) AssertRectangular(table);
    }

    [Fact]
    public void ProjectExport_BigFlatSheetsReadWithFullCodes()
    {
        // How fast is `jixiao bench`'s to measure, not a test's (a wall-clock bound fails on a loaded box).
        var d = Read(new XlsxParser(), "real", "项目信息.xlsx");
        Assert.Equal(4, d.PageCount);
        Assert.Equal(new[] { "审核信息", "项目信息", "指标信息", "data" }, d.Tables.Select(t => t.Name));
        var indicators = d.Tables.Single(t => t.Name == "指标信息");
        Assert.Equal(3025, indicators.Rows.Count);
        Assert.Equal("440306231391500000173", Cell(indicators, 2, 0).Text);
        Assert.Equal("需出具物业评估报告的物业数量", Cell(indicators, 2, 3).Text);
        Assert.Empty(d.Paragraphs); // a flat export has no title rows
        var audit = d.Tables.First();
        Assert.Equal("0", Cell(audit, 2, 0).Text);
        Assert.Equal(8, audit.Rows[0].Cells.Count); // empty A1 kept: the grid stays rectangular
        Assert.Equal("", audit.Rows[0].Cells[0].Text);
    }
}
