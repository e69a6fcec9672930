using Jixiao.Ingest.Ocr;
using Jixiao.Tests;
using Xunit.Abstractions;
using static Jixiao.Ingest.Tests.Pdf.PdfTestSupport;

namespace Jixiao.Ingest.Tests.Pdf;

public class ScannedPdfTests
{
    readonly ITestOutputHelper _out;
    public ScannedPdfTests(ITestOutputHelper output) => _out = output;

    static bool OcrInstalled => ExternalTool.Find("tesseract") is not null && ExternalTool.Find("pdftoppm") is not null;

    [Fact]
    public void ScanSelf01_IsReadByOcrAndFlaggedForReview()
    {
        var result = DocumentReader.Read(Corpus.File("synthetic", "scan_self_01.pdf"), new DocumentReader.Options { Timeout = TimeSpan.FromMinutes(5) });
        if (!OcrInstalled)
        {
            _out.WriteLine("tesseract/pdftoppm not installed: only the error message is checked (apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils)");
            Assert.False(result.Ok);
            Assert.Contains("needs OCR", result.Error!.Reason);
            return;
        }
        Assert.True(result.Ok, result.Error?.ToString());
        var doc = result.Document!;
        Assert.True(doc.NeedsReview);
        Assert.InRange(doc.OcrConfidence ?? 0, 50, 100);
        Assert.Equal("项目支出绩效自评表", Flat(doc.Paragraphs.First().Text));
        var table = Assert.Single(doc.Tables);
        var cells = table.Rows.SelectMany(r => r.Cells).Select(c => Flat(c.Text)).ToList();
        foreach (var word in new[] { "项目名称", "主管部门", "外贸发展专项资金", "江门市商务局", "563.28", "541.07", "支持参展企业数", "118家", "≥115家", "96.35" })
            Assert.Contains(word, cells);
        var funds = table.Rows.First(r => r.Cells.Any(c => c.Text == "563.28"));
        Assert.Equal(new[] { "563.28", "563.28", "541.07", "10", "96.06%", "9.61" }, funds.Cells.Skip(1).Select(c => Flat(c.Text)));
    }
}

public class MissingOcrToolTests
{
    [Theory]
    [InlineData("tesseract")]
    [InlineData("pdftoppm")]
    public void ScannedPageWithoutToolsIsAOneLineErrorNamingThePackages(string missing)
    {
        var parser = new Jixiao.Ingest.Pdf.PdfParser(tool => tool == missing ? null : ExternalTool.Find(tool));
        using var stream = File.OpenRead(Corpus.File("synthetic", "scan_self_01.pdf"));
        var e = Assert.Throws<UnreadableDocumentException>(() => parser.Parse(stream, "scan_self_01.pdf", CancellationToken.None));
        Assert.Contains("apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void TextPagesNeedNoTools()
    {
        var parser = new Jixiao.Ingest.Pdf.PdfParser(_ => null);
        using var stream = File.OpenRead(Corpus.File("synthetic", "proj_self_02.pdf"));
        var doc = parser.Parse(stream, "proj_self_02.pdf", CancellationToken.None);
        Assert.NotEmpty(doc.Tables);
        Assert.False(doc.NeedsReview);
    }
}
