using Jixiao.Tests;
using Jixiao.Ingest.Tests.Formats;

namespace Jixiao.Ingest.Tests.Ofd;

/// <summary>The real OFD files of corpus/ofd (ofdrw's test suite, see PROVENANCE.tsv): each gives a document with its text and ruled tables.</summary>
public class OfdCorpusTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Corpus.File("ofd"), "*.ofd").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(f));
        return data;
    }

    static SourceDocument Read(string name)
    {
        var read = DocumentReader.Read(Corpus.File("ofd", name));
        Assert.True(read.Ok, read.Error?.ToString());
        Assert.Equal("ofd", read.Format);
        return read.Document!;
    }

    static string AllText(SourceDocument doc) => string.Join("\n", doc.Blocks.Select(b => b is Table t
        ? string.Join("\n", t.Rows.SelectMany(r => r.Cells).Select(c => c.Text)) : ((Paragraph)b).Text));

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_file_gives_a_document_with_its_pages(string name)
    {
        var doc = Read(name);
        var pages = File.ReadLines(Corpus.File("ofd", "PROVENANCE.tsv")).Skip(1).Select(l => l.Split('\t'))
            .Single(c => c[0] == name)[8];
        Assert.Equal(int.Parse(pages), doc.PageCount);
    }

    [Fact]
    public void A_government_form_drawn_on_the_page_is_one_ruled_table_with_merged_cells()
    {
        var doc = Read("signout.ofd");
        Assert.Equal("XX市政府文件处理", doc.Paragraphs.First().Text.Replace(" ", ""));
        var table = Assert.Single(doc.Tables);
        Assert.Equal(11, table.Rows.Count);
        var first = table.Rows[0].Cells.Select(c => c.Text.Replace("\n", "")).ToList();
        Assert.Equal(new[] { "来文文号", "府办专督〔2020〕24号", "来文单位", "市人民政府办公室" }, first);
        Assert.Equal(2, table.Rows[0].Cells[1].ColSpan);
        Assert.Equal(new[] { "紧急程度", "常规", "公开方式", "不公开", "公文处理类型", "签阅" }, table.Rows[4].Cells.Select(c => c.Text));
    }

    [Fact]
    public void An_invoice_table_drawn_on_its_template_page_holds_the_values_of_the_page()
    {
        var doc = Read("发票示例.ofd");
        var table = Assert.Single(doc.Tables);
        var cells = table.Rows.SelectMany(r => r.Cells).Select(c => c.Text).ToList();
        Assert.Contains(cells, c => c.Contains("名 称：科游迈利有限公司"));
        Assert.Contains(cells, c => c.StartsWith("价税合计（大写）"));
        Assert.Contains(doc.Paragraphs, p => p.Text == "发票号码：99999951");
        // The address uses the "g 14 3.175 1.59" DeltaX shorthand.
        Assert.Contains("北京市海淀区颐和园西路一亩园11号", AllText(doc));
        Assert.Contains(doc.Warnings, w => w.Contains("seal/signature") && w.Contains("not verified"));
        Assert.Contains(doc.Warnings, w => w.Contains("original_invoice") && w.Contains("not opened"));
    }

    [Fact]
    public void A_multi_page_document_keeps_its_table_and_prose_in_order()
    {
        var doc = Read("z.ofd");
        var table = Assert.Single(doc.Tables);
        Assert.Equal(5, table.Rows.Count);
        Assert.Equal(new[] { "名称", "类型", "说明", "可选/必选" }, table.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(new[] { "CodePosition", "xs:int" }, table.Rows[1].Cells.Take(2).Select(c => c.Text));
        Assert.Equal("11.4字型变换", doc.Blocks[0].ToString());
    }

    [Fact]
    public void Text_turned_by_a_CTM_reads_in_its_own_direction()
    {
        Assert.Contains(Read("文字横向-数科.ofd").Paragraphs, p => p.Text == "一二三四");
        Assert.Contains("国家税务总局", AllText(Read("ctm_rotate.ofd")));
    }

    [Fact]
    public void Image_only_pages_are_pages_without_text_not_an_error()
    {
        var doc = Read("containsJPEG.ofd");
        Assert.Empty(doc.Blocks);
        Assert.Contains(doc.Warnings, w => w.Contains("images only"));
    }

    [Theory]
    [InlineData("AddAttachment.ofd", "这是一个带有附件的OFD文件", "attachment")]
    [InlineData("SESV4SignDoc.ofd", "你好呀，OFD Reader&Writer！", "seal/signature")]
    [InlineData("namespace_no_std.ofd", "你好呀，OFD Reader&Writer！", null)]
    [InlineData("chineseDir.ofd", "你好呀，OFD Reader&Writer！", null)]
    public void Seals_and_attachments_are_noted_and_the_page_text_is_all_the_text(string name, string text, string? noted)
    {
        var doc = Read(name);
        Assert.Equal(text, AllText(doc));
        if (noted is not null) Assert.Contains(doc.Warnings, w => w.Contains(noted));
    }

    [Fact]
    public void Watermark_annotations_are_noted_not_read()
    {
        var doc = Read("AddWatermarkAnnot.ofd");
        Assert.Equal("拿来主义", doc.Blocks[0].ToString());
        Assert.Contains(doc.Warnings, w => w.Contains("annotations"));
    }

    [Fact]
    public void Nonstandard_absolute_paths_and_template_folders_are_followed()
    {
        var doc = Read("path_unstd.ofd");
        Assert.Contains("立案决定书", AllText(doc));
        Assert.Contains("测试数据FLTK", AllText(doc));
    }

    [Fact]
    public void Dump_shows_the_text_and_the_ruled_table()
    {
        var text = DocumentDump.ToText(Read("signout.ofd"));
        Assert.Contains("(ofd, 1 page(s), 1 table(s))", text);
        Assert.Contains("来文文号", text);
    }
}
