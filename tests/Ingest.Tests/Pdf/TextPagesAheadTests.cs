using Jixiao.Ingest.Ocr;
using Jixiao.Ingest.Pdf;
using Jixiao.Tests;

namespace Jixiao.Ingest.Tests.Pdf;

/// <summary>
/// Text pages are read on two threads, each with its own PdfPig document (TextPagesAhead): the document must be
/// the one read page by page on one thread, warnings and page numbers included, and a scanned page among the
/// pages the second thread takes must still go to OCR on the parser's thread.
/// </summary>
public class TextPagesAheadTests
{
    [Theory]
    [InlineData("real", "北京市重大项目建设指挥部办公室2026年度部门预算报表.pdf")]
    [InlineData("real", "中共上海市普陀区委社会工作部2024年度部门决算.pdf")]
    [InlineData("real", "广州市政务服务和数据管理局2026年项目支出绩效目标表（含转移支付项目）.pdf")]
    public void PagesReadOnTwoThreadsReadAsOnOne(string folder, string name)
    {
        var (parallel, sequential) = BothWays(Corpus.File(folder, name));
        Assert.True(sequential.PageCount >= 5, "the second thread takes pages only from five pages on");
        Assert.NotEmpty(sequential.Tables);
        Assert.Equal(DocumentDump.ToJson(sequential), DocumentDump.ToJson(parallel));
        Assert.Equal(sequential.Warnings, parallel.Warnings);
    }

    [Fact]
    public void AScannedPageAmongTheSecondThreadsPagesIsStillReadByOcr()
    {
        var pdfunite = ExternalTool.Find("pdfunite");
        if (ExternalTool.Find("pdftoppm") is null || pdfunite is null) return;
        var dir = Path.Combine(Path.GetTempPath(), "jixiao-ahead-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            // Pages 1-2 and 4-5 text, page 3 (the second thread's first page) a scan.
            var pdf = Path.Combine(dir, "text_scan_text.pdf");
            var text = Corpus.File("synthetic", "long_target_01.pdf");
            ExternalTool.Run(pdfunite, new[] { text, Corpus.File("synthetic", "scan_self_01.pdf"), text, pdf }, TimeSpan.FromMinutes(1), CancellationToken.None);

            var (parallel, sequential) = BothWays(pdf);
            Assert.Equal(5, parallel.PageCount);
            Assert.True(parallel.NeedsReview, "the scanned page was read by OCR");
            Assert.Contains(parallel.Warnings, w => w.StartsWith("1 page(s) read by OCR"));
            Assert.Contains(parallel.Blocks, b => b.Position.Page == 3);
            Assert.Equal(DocumentDump.ToJson(sequential), DocumentDump.ToJson(parallel));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    static (SourceDocument Parallel, SourceDocument Sequential) BothWays(string path)
    {
        using var stream = File.OpenRead(path);
        var parallel = new PdfParser { PagesAhead = PagesAhead.Always }.Parse(stream, Path.GetFileName(path), CancellationToken.None);
        stream.Position = 0;
        var sequential = new PdfParser { PagesAhead = PagesAhead.Never }.Parse(stream, Path.GetFileName(path), CancellationToken.None);
        return (parallel, sequential);
    }
}
