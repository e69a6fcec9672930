using Jixiao.Ingest;
using Jixiao.Tests;

namespace Jixiao.Ingest.Tests.Text;

public class TextParserTests
{
    static SourceDocument Read(string name)
    {
        var result = DocumentReader.Read(Corpus.File("seeds", name));
        Assert.True(result.Ok, result.Error?.ToString());
        Assert.Equal("text", result.Document!.Format);
        return result.Document;
    }

    [Fact]
    public void Seed000_is_title_unit_and_one_table_with_multi_paragraph_cells()
    {
        var doc = Read("000_337716242a9e81d2.txt");
        Assert.Equal(new[] { "部门整体绩效目标表", "单位：万元" }, doc.Paragraphs.Select(p => p.Text).Take(2));
        var table = Assert.Single(doc.Tables);
        // `部门（单位）⏎⏎名称` is one cell of the first row, and its value follows in the same row.
        Assert.Equal("部门（单位）\n名称", table.Rows[0].Cells[0].Text);
        Assert.Equal("鄂州市督查考评办公室", table.Rows[0].Cells[1].Text);
        Assert.Equal(2, table.Rows[0].Cells.Count);
        // The budget sub-header row: vertical merges appear as empty cells.
        var sub = table.Rows[3].Cells.Select(c => c.Text).ToArray();
        Assert.Equal(new[] { "", "", "", "", "2023年", "2022年" }, sub);
        var income = table.Rows[4].Cells.Select(c => c.Text.Trim('\u3000', ' ')).ToArray();
        Assert.Equal(new[] { "", "收入\n构成", "财政拨款", "406.95", "100%", "545.89", "569.7" }, income);
        Assert.All(table.Rows.SelectMany(r => r.Cells), c => Assert.Equal((1, 1), (c.RowSpan, c.ColSpan)));
    }

    [Fact]
    public void Seed001_repairs_the_split_header_row_and_keeps_three_forms_apart()
    {
        var doc = Read("001_91b75e353b5723c9.txt");
        Assert.Equal(3, doc.Tables.Count());
        Assert.Equal(3, doc.Paragraphs.Count(p => p.Text.Contains("项目自评表")));
        var first = doc.Tables.First();
        var header = first.Rows.Single(r => r.Cells.Any(c => c.Text == "一级指标"));
        // `年度绩效目标` was split off by a blank line; it is the header row's first cell again.
        Assert.Equal("年度绩效目标", header.Cells[0].Text);
        Assert.Equal(7, header.Cells.Count);
        Assert.Equal("年初\n目标值", header.Cells[3].Text);
        var data = first.Rows[first.Rows.IndexOf(header) + 1];
        Assert.Equal(7, data.Cells.Count);
        Assert.Equal("", data.Cells[0].Text);
        Assert.Equal("成本指标", data.Cells[1].Text);
    }

    [Fact]
    public void Gb18030_text_is_decoded()
    {
        var text = "项目支出绩效自评表\n\t项目名称\n\t测试项目\n";
        var bytes = TextDecoding.Gb18030.GetBytes(text);
        var result = DocumentReader.Read(new MemoryStream(bytes), "gbk.txt");
        Assert.True(result.Ok);
        Assert.Equal("项目支出绩效自评表", result.Document!.Paragraphs.First().Text);
        Assert.Equal("测试项目", result.Document.Tables.Single().Rows[0].Cells[1].Text);
    }

    [Fact]
    public void Empty_and_binary_files_are_one_line_errors()
    {
        var empty = DocumentReader.Read(new MemoryStream(), "empty.txt");
        Assert.False(empty.Ok);
        Assert.Contains("empty", empty.Error!.Reason);
        var random = new byte[4096];
        new Random(7).NextBytes(random);
        var junk = DocumentReader.Read(new MemoryStream(random), "junk.txt");
        Assert.False(junk.Ok);
        Assert.DoesNotContain('\n', junk.Error!.ToString());
    }
}
