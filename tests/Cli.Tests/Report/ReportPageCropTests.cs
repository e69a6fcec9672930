using Jixiao.Tests;

namespace Jixiao.Cli.Tests.Report;

/// <summary>A scanned form's report shows the page cut to the table beside the OCR'd grid (headless chromium).</summary>
public sealed class ReportPageCropTests
{
    static readonly string Shots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "report-shots")).FullName;

    [Fact]
    public void AScannedTableIsShownBesideItsPageCrop()
    {
        var dir = Path.Combine(Shots, "scan_self_01");
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        var r = JixiaoProcess.Run("report", Corpus.File("synthetic", "scan_self_01.pdf"), "--out", dir);
        Assert.True(r.ExitCode == 0, r.Err);
        using var chromium = HeadlessChromium.Launch();
        chromium.Navigate(new Uri(Path.Combine(dir, "doc-001.html")).AbsoluteUri);

        Assert.Equal(1, chromium.Evaluate("document.querySelectorAll('.scanpair figure.scan img').length")!.GetValue<int>());
        // The image decoded: a real PNG, cut to the table (the page at 100 dpi is 1170×827; the title above the table is left out).
        var w = chromium.Evaluate("document.querySelector('figure.scan img').naturalWidth")!.GetValue<int>();
        var h = chromium.Evaluate("document.querySelector('figure.scan img').naturalHeight")!.GetValue<int>();
        Assert.InRange(w, 700, 1170);
        Assert.InRange(h, 300, 780);
        // Side by side: the picture's right edge is left of the grid, their tops level.
        Assert.True(chromium.Evaluate("(function(){var i=document.querySelector('figure.scan img').getBoundingClientRect(),g=document.querySelector('.scanpair table.grid').getBoundingClientRect();return i.right<=g.left+1&&Math.abs(i.top-g.top)<60&&i.width>200;})()")!.GetValue<bool>());
        // The grid beside it is the OCR'd one, with the cells a person checks against the picture.
        Assert.True(chromium.Evaluate("[...document.querySelectorAll('.scanpair table.grid td')].some(td => td.textContent === '≥115家')")!.GetValue<bool>());
        chromium.Screenshot(Path.Combine(Shots, "scan_self_01-crop.png"));
    }

    [Fact]
    public void APageIsRenderedOnceForAllItsTables()
    {
        var pdf = Corpus.File("synthetic", "scan_self_01.pdf");
        int before = Cli.Report.PageCrop.Renders;
        var top = Cli.Report.PageCrop.Png(pdf, new Jixiao.Ingest.ScanRegion(1, 0, 0.1, 0.1, 0.9, 0.5));
        var bottom = Cli.Report.PageCrop.Png(pdf, new Jixiao.Ingest.ScanRegion(1, 0, 0.1, 0.5, 0.9, 0.9));
        Assert.NotNull(top);
        Assert.NotNull(bottom);
        Assert.NotEqual(top, bottom);
        Assert.Equal(before + 1, Cli.Report.PageCrop.Renders);
    }

    [Fact]
    public void ATextDocumentHasNoPageCrop()
    {
        var dir = Path.Combine(Shots, "proj_self_02-nocrop");
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        var r = JixiaoProcess.Run("report", Corpus.File("synthetic", "proj_self_02.pdf"), "--out", dir);
        Assert.True(r.ExitCode == 0, r.Err);
        Assert.DoesNotContain("figure class=\"scan\"", File.ReadAllText(Path.Combine(dir, "doc-001.html")));
    }
}
