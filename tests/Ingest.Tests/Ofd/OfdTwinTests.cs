using Jixiao.Ingest.Tests.Formats;
using Jixiao.Tests;
using Jixiao.Tests.Ofd;

namespace Jixiao.Ingest.Tests.Ofd;

/// <summary>
/// OFD twins of the synthetic PDF forms (written at test time by <see cref="OfdWriter"/> from the PDF's
/// own text runs and rules): the OFD reader must give the tables and paragraphs the PDF reader gives,
/// with rules on the page or on template pages, upright or turned sideways by CTMs.
/// </summary>
public class OfdTwinTests
{
    static SourceDocument ReadPdf(string name) => DocumentReader.Read(Corpus.File("synthetic", name)).Document!;

    static SourceDocument ReadOfd(OfdWriter writer, string name)
    {
        var read = DocumentReader.Read(new MemoryStream(writer.Build()), name);
        Assert.True(read.Ok, read.Error?.ToString());
        Assert.Equal("ofd", read.Format);
        return read.Document!;
    }

    [Theory]
    [InlineData("dept_target_03.pdf", false, false)]
    [InlineData("proj_self_02.pdf", true, false)]
    [InlineData("long_target_01.pdf", false, true)]
    [InlineData("proj_self_02.pdf", true, true)]
    public void The_twin_reads_as_the_PDF_reads(string pdf, bool rulesInTemplate, bool sideways)
    {
        var expected = ReadPdf(pdf);
        var doc = ReadOfd(OfdWriter.FromPdf(Corpus.File("synthetic", pdf), rulesInTemplate, sideways), Path.ChangeExtension(pdf, ".ofd"));
        Assert.Equal(expected.PageCount, doc.PageCount);
        Assert.Equal(OfficeContainerTests.Shape(expected), OfficeContainerTests.Shape(doc));
        Assert.Equal(expected.Paragraphs.Select(p => p.Text), doc.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void Seal_annotation_and_attachment_text_stays_out_of_the_page_text()
    {
        var doc = ReadOfd(OfdWriter.FromPdf(Corpus.File("synthetic", "proj_self_02.pdf"), withSealAndAttachment: true), "sealed.ofd");
        var all = string.Join("\n", doc.Paragraphs.Select(p => p.Text).Concat(doc.Tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells).Select(c => c.Text)));
        Assert.DoesNotContain("印章文字", all);
        Assert.DoesNotContain("附件文字", all);
        Assert.Contains(doc.Warnings, w => w.Contains("seal/signature"));
        Assert.Contains(doc.Warnings, w => w.Contains("原始数据.xml") && w.Contains("not opened"));
        Assert.Contains(doc.Warnings, w => w.Contains("annotations on 1 page"));
    }

    [Fact]
    public void DeltaX_shorthand_is_written_and_read()
    {
        var w = new OfdWriter();
        var page = new OfdWriter.Page { Width = 210, Height = 297 };
        page.Runs.Add(new OfdWriter.Run("项目支出绩效自评表", 40, 30, 5, Enumerable.Repeat(5.0, 9).ToArray()));
        w.Pages.Add(page);
        var bytes = w.Build();
        using (var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes)))
        using (var r = new StreamReader(zip.GetEntry("Doc_0/Pages/Page_0/Content.xml")!.Open()))
            Assert.Contains("DeltaX=\"g 8 5\"", r.ReadToEnd());
        Assert.Equal("项目支出绩效自评表", Assert.Single(ReadOfd(w, "g.ofd").Paragraphs).Text);
    }
}
