using Jixiao.Ingest.Ocr;
using Jixiao.Ingest.Ocr.Paddle;
using Jixiao.Tests;
using Xunit.Abstractions;
using static Jixiao.Ingest.Tests.Pdf.PdfTestSupport;

namespace Jixiao.Ingest.Tests.Pdf;

/// <summary>The PP-OCR engine on the scanned synthetic form (rendered by pdftoppm from poppler-utils).</summary>
public class ScannedPdfTests
{
    readonly ITestOutputHelper _out;
    public ScannedPdfTests(ITestOutputHelper output) => _out = output;

    static bool RendererInstalled => ExternalTool.Find("pdftoppm") is not null;

    static readonly string[] Words = { "项目名称", "主管部门", "外贸发展专项资金", "江门市商务局", "563.28", "541.07", "支持参展企业数", "118家", "≥115家", "≥95%", "96.35" };

    [Fact]
    public void ScanSelf01_IsReadExactlyAndFlaggedForReview()
    {
        var result = DocumentReader.Read(Corpus.File("synthetic", "scan_self_01.pdf"), new DocumentReader.Options { Timeout = TimeSpan.FromMinutes(5) });
        if (!RendererInstalled)
        {
            _out.WriteLine("pdftoppm not installed: only the error message is checked (apt-get install poppler-utils)");
            Assert.False(result.Ok);
            Assert.Contains("poppler-utils", result.Error!.Reason);
            return;
        }
        Assert.True(result.Ok, result.Error?.ToString());
        var doc = result.Document!;
        Assert.True(doc.NeedsReview);
        Assert.InRange(doc.OcrConfidence ?? 0, 90, 100);
        Assert.Equal("项目支出绩效自评表", Flat(doc.Paragraphs.First().Text));
        var table = Assert.Single(doc.Tables);
        var cells = table.Rows.SelectMany(r => r.Cells).ToList();
        foreach (var word in Words) Assert.Contains(word, cells.Select(c => Flat(c.Text)));
        var funds = table.Rows.First(r => r.Cells.Any(c => c.Text == "563.28"));
        Assert.Equal(new[] { "563.28", "563.28", "541.07", "10", "96.06%", "9.61" }, funds.Cells.Skip(1).Select(c => Flat(c.Text)));
        // Every cell with text carries the engine's confidence; empty cells carry none.
        Assert.All(cells.Where(c => c.Text.Length > 0), c => Assert.InRange(c.Confidence ?? -1, 0.3, 1.0));
        Assert.All(cells.Where(c => c.Text.Length == 0), c => Assert.Null(c.Confidence));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(90)]
    [InlineData(180)]
    [InlineData(270)]
    public void APageFedTurnedIsReadUprightAndReadOnce(int degrees)
    {
        if (!RendererInstalled) return;
        var page = RenderPage(Corpus.File("synthetic", "scan_self_01.pdf"));
        var engine = new CountingEngine(new PaddleOcrEngine());
        using var reader = new ScannedPageReader(Stream.Null, engine: engine);
        var (image, _, reading) = reader.ReadUpright(degrees == 0 ? page : page.RotateClockwise(degrees), CancellationToken.None);
        Assert.Equal((page.Width, page.Height), (image.Width, image.Height));
        var text = reading.Words.Select(w => w.Text).ToList();
        foreach (var word in new[] { "项目名称", "外贸发展专项资金", "≥115家", "563.28" }) Assert.Contains(word, text);
        // The page is read whole once, the right way up: a turned page's sample (at most 32 of its lines) shows it is
        // turned before the rest is read, and the engine is asked which way only then.
        Assert.Equal(1, engine.WholeReadings);
        Assert.Equal(degrees == 0 ? 0 : 1, engine.DirectionQuestions);
        Assert.Equal(degrees == 0 ? 0 : 1, engine.StoppedAfterSample);
    }

    /// <summary>The real engine, counting what the reader asks of it.</summary>
    sealed class CountingEngine(IOcrEngine inner) : IOcrEngine
    {
        public int WholeReadings, StoppedAfterSample, DirectionQuestions;
        public string Name => inner.Name;
        public void EnsureAvailable(CancellationToken cancel) => inner.EnsureAvailable(cancel);

        public OcrReading? Read(GrayImage image, IReadOnlyList<OcrRegion> regions, CancellationToken cancel, Func<OcrSample, bool>? upright = null)
        {
            var reading = inner.Read(image, regions, cancel, upright);
            if (reading is null) StoppedAfterSample++;
            else WholeReadings++;
            return reading;
        }

        public int UprightTurns(GrayImage page, CancellationToken cancel)
        {
            DirectionQuestions++;
            return inner.UprightTurns(page, cancel);
        }
    }

    [Fact]
    public void ReadersRacingTheBackgroundModelLoadCreateEachSessionOnceAndReadAlike()
    {
        if (!RendererInstalled) return;
        var page = RenderPage(Corpus.File("synthetic", "scan_self_01.pdf"));
        // Models of their own, so that the race is with this test's background load, not one an earlier test finished.
        var models = new PaddleModels();
        var readings = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            var engine = new PaddleOcrEngine(models: models);
            engine.EnsureAvailable(CancellationToken.None);   // the first of these starts the load; the reads below race it
            using var reader = new ScannedPageReader(Stream.Null, engine: engine);
            return Text(reader.ReadUpright(page, CancellationToken.None).Reading);
        })).ToArray();
        Task.WaitAll(readings);
        Assert.Equal(2, models.Sessions);   // detection and recognition, each created once; the upright page needs no direction
        using var settled = new ScannedPageReader(Stream.Null, engine: new PaddleOcrEngine());
        var expected = Text(settled.ReadUpright(page, CancellationToken.None).Reading);
        Assert.Contains("外贸发展专项资金", expected);
        Assert.All(readings, r => Assert.Equal(expected, r.Result));
    }

    static string Text(OcrReading reading) => string.Join("\n", reading.Words.Select(w => $"{w.Text} {w.Left},{w.Top} {w.Confidence}"));

    [Fact]
    public void AnAreaThatRunsOutOfTimeIsSkippedAndTheTableKept()
    {
        if (!RendererInstalled) return;
        // Detection over the page outside the table gets no time at all: it is stopped, the cells are read as usual.
        // (Zero, not 1 ms: a 1 ms timer under load may fire after the run ended, and the test failed at random.)
        var parser = new Jixiao.Ingest.Pdf.PdfParser(null, () => new PaddleOcrEngine(areaLimit: TimeSpan.Zero));
        using var stream = File.OpenRead(Corpus.File("synthetic", "scan_self_01.pdf"));
        var doc = parser.Parse(stream, "scan_self_01.pdf", CancellationToken.None);
        Assert.Contains(doc.Warnings, w => w.Contains("page 1: area") && w.Contains("skipped") && w.Contains("longer than"));
        var table = Assert.Single(doc.Tables);
        var cells = table.Rows.SelectMany(r => r.Cells).Select(c => Flat(c.Text)).ToList();
        foreach (var word in Words) Assert.Contains(word, cells);
        Assert.DoesNotContain(doc.Paragraphs, p => p.Text.Contains("自评表"));   // the title was in the skipped area
    }

    [Fact]
    public void SpecksAroundACellValueAreNotText()
    {
        Assert.Equal("≥95%", PaddleOcrEngine.WithoutSpecks("·≥95%."));
        Assert.Equal("福州市公安局", PaddleOcrEngine.WithoutSpecks("，福州市·公安局"));
        Assert.Equal("0.5", PaddleOcrEngine.WithoutSpecks("0.5"));
        Assert.Equal("扩大农村金融服务覆盖面。", PaddleOcrEngine.WithoutSpecks("扩大农村金融服务覆盖面。"));
        Assert.Equal("95%", PaddleOcrEngine.WithoutSpecks("95%。"));
        Assert.Equal("。", PaddleOcrEngine.WithoutSpecks("。"));   // a sentence's end wrapped onto a line of its own
        Assert.Equal("", PaddleOcrEngine.WithoutSpecks("·."));
        Assert.Equal("“三公”经费变动率", PaddleOcrEngine.WithoutSpecks("“三公”经费变动率"));
        Assert.Equal("“三公”", PaddleOcrEngine.WithoutSpecks(".“三公”,"));
        Assert.Equal("顺利开展", PaddleOcrEngine.WithoutSpecks("“顺利开展"));   // a quote with no partner is a speck
    }

    [Fact]
    public void AWrappedLineKeepsItsListCommaOrFullStop()
    {
        Assert.Equal("LPR+150BPs、", PaddleOcrEngine.WithoutSpecks("LPR+150BPs、", CellWrap.Below));
        Assert.Equal("LPR+150BPs", PaddleOcrEngine.WithoutSpecks("LPR+150BPs、"));             // the cell's last line: a speck
        Assert.Equal("≥95%", PaddleOcrEngine.WithoutSpecks("≥95%、", CellWrap.Below));          // after a number: a speck
        Assert.Equal("步提升空间；", PaddleOcrEngine.WithoutSpecks("步提升空间；", CellWrap.Below));
        Assert.Equal("支持农村金融组织，", PaddleOcrEngine.WithoutSpecks(".支持农村金融组织，", CellWrap.Below));
        Assert.Equal("有进一步提升空间；", PaddleOcrEngine.WithoutSpecks("有进一步提升空间；", CellWrap.Below | CellWrap.Above));
        Assert.Equal("施。", PaddleOcrEngine.WithoutSpecks("施。", CellWrap.Above));            // a wrapped sentence's last line
        Assert.Equal("95%", PaddleOcrEngine.WithoutSpecks("95%。", CellWrap.Below));            // a first line: the 。 is a speck
    }

    internal static GrayImage RenderPage(string pdf)
    {
        var prefix = Path.Combine(Path.GetTempPath(), "jixiao-test-" + Guid.NewGuid().ToString("N"));
        ExternalTool.Run("pdftoppm", new[] { "-r", "200", "-f", "1", "-l", "1", "-singlefile", pdf, prefix }, TimeSpan.FromMinutes(1), CancellationToken.None);
        try { return GrayImage.ReadPpm(prefix + ".ppm"); }
        finally { File.Delete(prefix + ".ppm"); }
    }
}

public class MissingOcrToolTests
{
    [Fact]
    public void ScannedPageWithoutTheRendererIsAOneLineErrorNamingThePackage()
    {
        var parser = new Jixiao.Ingest.Pdf.PdfParser(tool => tool == "pdftoppm" ? null : ExternalTool.Find(tool));
        using var stream = File.OpenRead(Corpus.File("synthetic", "scan_self_01.pdf"));
        var e = Assert.Throws<UnreadableDocumentException>(() => parser.Parse(stream, "scan_self_01.pdf", CancellationToken.None));
        Assert.Contains("apt-get install poppler-utils", e.Message);
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
