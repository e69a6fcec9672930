using Jixiao.Ingest.Ocr;
using Jixiao.Ingest.Pdf;
using Jixiao.Tests;

namespace Jixiao.Ingest.Tests.Pdf;

/// <summary>
/// The pages of a scanned document are read in parallel (one per core) and the lines of each page on all cores:
/// what a page reads must not depend on what else runs beside it. A three-page scan is put together at test time
/// from the corpus's two one-page scans (pdfunite, poppler-utils like pdftoppm).
/// </summary>
public class ParallelScanPagesTests
{
    [Fact]
    public void PagesReadInParallelReadAsPagesReadOneAtATime()
    {
        var pdfunite = ExternalTool.Find("pdfunite");
        if (ExternalTool.Find("pdftoppm") is null || pdfunite is null) return;
        var dir = Path.Combine(Path.GetTempPath(), "jixiao-parallel-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var pdf = Path.Combine(dir, "three_scanned_pages.pdf");
            var form = Corpus.File("synthetic", "scan_self_01.pdf");
            ExternalTool.Run(pdfunite, new[] { form, Corpus.File("real-gold", "changsha_transfer_scan_p5.pdf"), form, pdf }, TimeSpan.FromMinutes(1), CancellationToken.None);

            using var stream = File.OpenRead(pdf);
            List<string> together, alone;
            using (var reader = new ScannedPageReader(stream))
            {
                var pages = Enumerable.Range(1, 3).Select(n => reader.Start(n, CancellationToken.None)).ToArray();
                together = pages.Select(p => Text(p.GetAwaiter().GetResult())).ToList();
            }
            using (var reader = new ScannedPageReader(stream))
                alone = Enumerable.Range(1, 3).Select(n => Text(reader.Read(n, CancellationToken.None))).ToList();

            Assert.Contains("外贸发展专项资金", together[0]);
            Assert.Equal(alone, together);
            // The same scanned sheet reads the same, whichever page ran beside it.
            Assert.Equal(together[0], together[2]);
            Assert.NotEqual(together[0], together[1]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>A page's lines and table cells, each cell with the engine's confidence.</summary>
    static string Text(PageContent page) => string.Join("\n", page.Items.Select(item => item switch
    {
        LineItem l => l.Text,
        TableItem t => string.Join("\n", t.Table.Rows.Select(r => string.Join(" | ", r.Cells.Select(c => $"{c.Text} ({c.Confidence:0.000})")))),
        _ => item.ToString(),
    }));
}
