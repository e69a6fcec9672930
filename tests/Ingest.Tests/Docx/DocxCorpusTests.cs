using Jixiao.Ingest;
using Jixiao.Tests;

namespace Jixiao.Ingest.Tests.Docx;

/// <summary>Real and synthetic .docx files from corpus/ (cells checked against their gold JSON).</summary>
public class DocxCorpusTests
{
    internal static SourceDocument Read(params string[] path)
    {
        var result = DocumentReader.Read(Corpus.File(path));
        Assert.True(result.Ok, result.Error?.ToString());
        return result.Document!;
    }

    internal static TableCell CellAt(Table table, int row, int col)
    {
        var grid = TableGrid.Build(table);
        return grid.Slots[row, col] ?? throw new Xunit.Sdk.XunitException($"no cell at {row},{col}");
    }

    [Fact]
    public void Proj_self_01_title_before_table_and_merged_labels()
    {
        var doc = Read("synthetic", "proj_self_01.docx");
        Assert.Equal("docx", doc.Format);
        var table = Assert.Single(doc.Tables);
        var before = doc.Blocks.TakeWhile(b => b is not Table).OfType<Paragraph>().Select(p => p.Text).ToList();
        Assert.Equal(new[] { "项目支出绩效自评表", "（2023年度）", "单位：万元" }, before);

        Assert.Equal(24, table.Rows.Count);
        Assert.Equal("动物疫病防控经费", table.Rows[0].Cells[1].Text);
        Assert.Equal(8, table.Rows[0].Cells[1].ColSpan);
        var funds = table.Rows[2].Cells[0];
        Assert.Equal(("项目资金（万元）", 5), (funds.Text, funds.RowSpan));
        var indicators = table.Rows[9].Cells[0];
        Assert.Equal(("绩\n效\n指\n标", 14), (indicators.Text, indicators.RowSpan));
        Assert.Equal(("产出指标", 6), (table.Rows[10].Cells[0].Text, table.Rows[10].Cells[0].RowSpan));
        // Row 12 starts under 产出指标 and 数量指标: its first cell is the third-level indicator.
        Assert.Equal("补贴农机具数量", table.Rows[11].Cells[0].Text);
        Assert.Equal("167.26", CellAt(table, 3, 4).Text); // column 0 is under 项目资金（万元）
        Assert.Equal("自评等级：优", table.Rows[23].Cells[^1].Text);
    }

    [Fact]
    public void Dept_target_02_long_vertical_merge()
    {
        var doc = Read("synthetic", "dept_target_02.docx");
        Assert.Equal("2021年度部门整体绩效目标表", doc.Paragraphs.First().Text);
        var table = Assert.Single(doc.Tables);
        Assert.Equal(48, table.Rows.Count);
        var indicators = table.Rows[20].Cells[0];
        Assert.Equal(("年度绩效指标", 28), (indicators.Text, indicators.RowSpan));
        Assert.Equal("济南市章丘区民政局", table.Rows[0].Cells[1].Text);
        Assert.Equal(("部门总体资金情况", 9), (table.Rows[3].Cells[0].Text, table.Rows[3].Cells[0].RowSpan));
        Assert.Equal(new[] { "2020年", "2019年" }, table.Rows[4].Cells.Select(c => c.Text));
    }

    [Fact]
    public void Transfer_target_table_fills_its_14_column_grid()
    {
        var doc = Read("real", "中央对地方专项转移区域绩效目标表.docx");
        var table = Assert.Single(doc.Tables);
        Assert.Equal(23, table.Rows.Count);
        var grid = TableGrid.Build(table);
        Assert.Equal(14, grid.ColCount);
        for (int r = 0; r < grid.RowCount; r++)
            for (int c = 0; c < grid.ColCount; c++)
                Assert.True(grid.Slots[r, c] is not null, $"hole at row {r}, column {c}");

        Assert.Equal(("中央对地方专项转移支付区域绩效目标表", 13), (table.Rows[0].Cells[0].Text, table.Rows[0].Cells[0].ColSpan));
        var funds = table.Rows[6].Cells[0];
        Assert.Equal(("资金情况\n（万元）", 3, 3), (funds.Text, funds.RowSpan, funds.ColSpan));
        var indicators = table.Rows[10].Cells[0];
        Assert.Equal(("绩\n效\n指\n标", 13, 2), (indicators.Text, indicators.RowSpan, indicators.ColSpan));
        Assert.Equal(("产\n出\n指\n标", 7), (table.Rows[11].Cells[0].Text, table.Rows[11].Cells[0].RowSpan));
        Assert.Equal("95%以上", CellAt(table, 15, 10).Text);
        Assert.Equal("天津市教育委员会", table.Rows[5].Cells[3].Text);
    }

    [Fact]
    public void LibreOffice_docx_twins_of_the_doc_corpus_all_read()
    {
        var files = Directory.GetFiles(Corpus.File("doc-wild"), "*.lo.docx");
        Assert.True(files.Length >= 30);
        foreach (var f in files)
        {
            var result = DocumentReader.Read(f);
            Assert.True(result.Ok, result.Error?.ToString());
            Assert.Equal("docx", result.Format);
        }
        var inner = Read("doc-wild", "innertable.lo.docx");
        Assert.Equal(new[] { 1, 2 }, inner.Tables.Select(t => t.Depth));
    }

    [Fact]
    public void Cut_off_download_keeps_the_rows_before_the_damage()
    {
        var bytes = File.ReadAllBytes(Corpus.File("synthetic", "dept_target_02.docx"));
        int entry = bytes.AsSpan().IndexOf("word/document.xml"u8);
        // About three quarters of document.xml's compressed data survive; no central directory.
        var result = DocumentReader.Read(new MemoryStream(bytes[..(entry + 3000)]), "cut.docx");

        Assert.True(result.Ok, result.Error?.ToString());
        var doc = result.Document!;
        Assert.Equal("docx", doc.Format);
        Assert.Contains(doc.Warnings, w => w.Contains("damaged docx"));
        Assert.Equal("2021年度部门整体绩效目标表", doc.Paragraphs.First().Text);
        var table = Assert.Single(doc.Tables);
        Assert.InRange(table.Rows.Count, 10, 47);
        Assert.Equal("济南市章丘区民政局", table.Rows[0].Cells[1].Text);

        var none = DocumentReader.Read(new MemoryStream(bytes[..(entry - 40)]), "cut.docx");
        Assert.False(none.Ok);
        Assert.Contains("damaged", none.Error!.Reason);
    }
}
