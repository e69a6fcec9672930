using Jixiao.Ingest;
using Jixiao.Tests;

namespace Jixiao.Ingest.Tests.Html;

/// <summary>Real and synthetic web pages, MHT and Markdown from corpus/ (cells checked against their gold JSON).</summary>
public class HtmlCorpusTests
{
    static SourceDocument Read(params string[] path)
    {
        var result = DocumentReader.Read(Corpus.File(path));
        Assert.True(result.Ok, result.Error?.ToString());
        return result.Document!;
    }

    [Fact]
    public void Transfer_01_LibreOffice_html()
    {
        var doc = Read("synthetic", "transfer_01.html");
        Assert.Equal("html", doc.Format);
        var before = doc.Blocks.TakeWhile(b => b is not Table).OfType<Paragraph>().Select(p => p.Text).ToList();
        Assert.Equal(new[] { "中央对地方专项转移支付区域绩效目标表", "（2021年）" }, before);
        var t = Assert.Single(doc.Tables);
        Assert.Equal(19, t.Rows.Count);
        Assert.Equal(("中小河流治理工程中央补助资金", 4), (t.Rows[0].Cells[1].Text, t.Rows[0].Cells[1].ColSpan));
        Assert.Equal(("资金情况\n（万元）", 3), (t.Rows[3].Cells[0].Text, t.Rows[3].Cells[0].RowSpan));
        Assert.Equal(("绩\n效\n指\n标", 12), (t.Rows[7].Cells[0].Text, t.Rows[7].Cells[0].RowSpan));
        Assert.Equal(new[] { "维修养护供水工程处数", "≥56处" }, t.Rows[9].Cells.Select(c => c.Text));
        Assert.Equal("目标1：做好汛期防汛抗旱各项准备工作。\n目标2：全面推行河湖长制，开展河湖“清四乱”专项整治。\n目标3：巩固提升农村供水保障水平。",
            t.Rows[6].Cells[1].Text);
    }

    [Fact]
    public void Multi_self_01_Word_mht_has_two_forms_each_after_its_title()
    {
        var doc = Read("synthetic", "multi_self_01.mht");
        Assert.Equal("mht", doc.Format);
        Assert.Equal(2, doc.Tables.Count());
        var titles = doc.Blocks.Select((b, i) => (b, i)).Where(x => x.b is Table)
            .Select(x => ((Paragraph)doc.Blocks[x.i - 1]).Text).ToList();
        Assert.Equal(new[] { "2023年度法律援助专项经费项目自评表", "2023年度普法宣传经费项目自评表" }, titles);

        var first = doc.Tables.First();
        Assert.Equal(24, first.Rows.Count);
        Assert.Equal(("项目资金（万元）", 5), (first.Rows[2].Cells[0].Text, first.Rows[2].Cells[0].RowSpan));
        Assert.Equal("招远市公证处", first.Rows[1].Cells[3].Text);
        Assert.Equal(("实际完\n成值"), first.Rows[9].Cells[5].Text);
        var second = doc.Tables.Last();
        Assert.Equal(("项目资金（万元）", 4), (second.Rows[2].Cells[0].Text, second.Rows[2].Cells[0].RowSpan));
        Assert.Equal("98.95", second.Rows[22].Cells[2].Text);
    }

    [Fact]
    public void Markdown_report_with_html_tables()
    {
        var doc = Read("real", "最佳报告范例.md");
        Assert.Equal("html", doc.Format);
        Assert.Equal(108, doc.Tables.Count());
        Assert.Equal("2021-2024年省级职业技能竞赛经费项目绩效评价报告", doc.Paragraphs.First().Text);
        int first = doc.Blocks.FindIndex(b => b is Table);
        Assert.Equal("表1-1：2021-2024年省级职业技能竞赛经费资金支出明细表", ((Paragraph)doc.Blocks[first - 1]).Text);
        var t = (Table)doc.Blocks[first];
        Assert.Equal(new[] { "项目名称", "子项目", "年度", "预算安排(万元)", "支出金额(万元)", "资金占比(%)", "预算执行(%)", "备注" },
            t.Rows[0].Cells.Select(c => c.Text));
        Assert.True(doc.Paragraphs.Count() > 300);
    }

    [Theory]
    [InlineData("无锡市住房和城乡建设局2026年度整体预算绩效目标表_网页.html", "2026年度无锡市住房和城乡建设局整体预算绩效目标表")]
    [InlineData("昆明市审计局（汇总）2026年预算公开.html", "昆明市审计局（汇总）2026年预算公开")]
    public void Government_web_pages_read_as_paragraphs(string file, string expectedLine)
    {
        var doc = Read("real", file);
        Assert.True(doc.Paragraphs.Count() > 20);
        Assert.Contains(doc.Paragraphs, p => p.Text.Contains(expectedLine));
        Assert.DoesNotContain(doc.Paragraphs, p => p.Text.Contains("function(") || p.Text.Contains("{display"));
    }
}
