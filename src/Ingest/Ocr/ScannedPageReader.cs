using System.Globalization;
using Jixiao.Ingest.Pdf;

namespace Jixiao.Ingest.Ocr;

/// <summary>
/// Reads an image-only PDF page: rasterise with pdftoppm, turn the page upright, straighten it, find
/// the table rules on the raster, and let the OCR engine read every cell of the ruled grid and the page
/// outside the tables. The words are laid out with the same table logic as text pages. A page is lost
/// only when it cannot be rendered: a region the engine cannot read in time is skipped with a warning.
/// </summary>
internal sealed class ScannedPageReader : IDisposable
{
    internal const int Dpi = 200;
    const double PointsPerPixel = 72.0 / Dpi;
    static readonly TimeSpan RenderLimit = TimeSpan.FromMinutes(2);

    readonly Stream _source;
    readonly Func<string, string?> _findTool;
    readonly IOcrEngine _engine;
    string? _dir, _pdfPath;
    double _confidenceSum;

    /// <param name="findTool">Finds a command on PATH; tests pass one that finds nothing.</param>
    /// <param name="engine">The OCR engine (PP-OCR unless a test or the bench asks for another).</param>
    public ScannedPageReader(Stream source, Func<string, string?>? findTool = null, IOcrEngine? engine = null)
    {
        _source = source;
        _findTool = findTool ?? ExternalTool.Find;
        _engine = engine ?? new Paddle.PaddleOcrEngine();
    }

    // Pages are read on worker threads, but never more pages at once than cores in the whole process:
    // `import` already reads several files at once, and each page holds a few page-sized images.
    static readonly SemaphoreSlim Gate = new(Math.Max(1, Environment.ProcessorCount));

    readonly object _lock = new();

    public int WordCount { get; private set; }
    public int PageCount { get; private set; }
    public double MeanConfidence { get { lock (_lock) return WordCount == 0 ? 0 : _confidenceSum / WordCount; } }

    /// <summary>
    /// Starts reading a scanned page in the background. Checks the renderer and the engine and copies
    /// the PDF on the caller's thread (the parser reads the same stream), so a missing tool fails at once.
    /// </summary>
    public Task<PageContent> Start(int page, CancellationToken cancel)
    {
        var pdftoppm = _findTool("pdftoppm")
            ?? throw new OcrUnavailableException($"scanned page {page} needs pdftoppm to render it: apt-get install poppler-utils");
        using (OcrTimings.Time("models")) _engine.EnsureAvailable(cancel);
        EnsurePdfCopy();
        // Wait for the gate asynchronously: a page queued behind it must not hold a pool thread.
        return Task.Run(async () =>
        {
            await Gate.WaitAsync(cancel);
            try { return Read(page, pdftoppm, cancel); }
            finally
            {
                NativeHeap.Trim();
                Gate.Release();
            }
        }, cancel);
    }

    public PageContent Read(int page, CancellationToken cancel) => Start(page, cancel).GetAwaiter().GetResult();

    PageContent Read(int page, string pdftoppm, CancellationToken cancel)
    {
        GrayImage image;
        OcrTimings.Mark($"p{page} start");
        using (OcrTimings.Time("render")) image = Render(page, pdftoppm, cancel);
        OcrTimings.Mark($"p{page} rendered");
        if (IsBlank(image))
        {
            // Scanned backs of sheets: nothing to read, and OCR would only invent noise.
            lock (_lock) PageCount++;
            return new PageContent(page, image.Width * PointsPerPixel, image.Height * PointsPerPixel);
        }
        using (OcrTimings.Time("clean")) SealFilter.Lift(image);
        var (upright, rules, reading, turn) = ReadUprightTurned(image, cancel);
        var glyphs = new List<Glyph>(reading.Words.Count);
        double sum = 0;
        foreach (var w in reading.Words)
        {
            sum += w.Confidence;
            glyphs.Add(TesseractTsv.ToGlyph(w, PointsPerPixel));
        }
        lock (_lock)
        {
            _confidenceSum += sum;
            WordCount += reading.Words.Count;
            PageCount++;
        }
        OcrTimings.Mark($"p{page} read");
        var content = PageReader.Layout(page, upright.Width * PointsPerPixel, upright.Height * PointsPerPixel, glyphs, rules);
        foreach (var w in reading.Warnings) content.Warnings.Add($"page {page}: {w}");
        foreach (var t in content.Items.OfType<TableItem>().Where(t => t.Ruled))
            t.Table.Scan = new ScanRegion(page, turn, t.ColumnEdges[0] / content.Width, t.TopEdge / content.Height, t.ColumnEdges[^1] / content.Width, t.BottomEdge / content.Height);
        return content;
    }

    /// <summary>The page turned upright and straightened, its rules (erased from the image) and what the engine read.</summary>
    internal (GrayImage Image, List<Rule> Rules, OcrReading Reading) ReadUpright(GrayImage page, CancellationToken cancel)
    {
        var (image, rules, reading, _) = ReadUprightTurned(page, cancel);
        return (image, rules, reading);
    }

    (GrayImage Image, List<Rule> Rules, OcrReading Reading, int Turn) ReadUprightTurned(GrayImage page, CancellationToken cancel)
    {
        // Most scans are upright. The engine reads a sample of the page's lines first; only when the sample looks like
        // noise is the engine asked which way the page is turned, and a turned page is then read once, turned: the rest
        // of it is never read the wrong way up (that used to cost a whole reading of every turned page).
        var first = Prepare(page, 0, cancel);
        int turn = 0;
        var reading = _engine.Read(first.Image, first.Regions, cancel, sample =>
        {
            if (!LooksUnreadable(sample.Words, sample.OfLines == 0 ? 1 : (double)sample.Lines / sample.OfLines)) return true;
            using (OcrTimings.Time("direction")) turn = _engine.UprightTurns(page, cancel);
            return turn == 0;
        });
        if (reading is not null) return (first.Image, first.Rules, reading, 0);
        var turned = Prepare(page, turn, cancel);
        var turnedReading = _engine.Read(turned.Image, turned.Regions, cancel)!;
        if (!LooksUnreadable(turnedReading.Words)) return (turned.Image, turned.Rules, turnedReading, turn);
        // Noise either way: keep whichever way reads more.
        var unturned = _engine.Read(first.Image, first.Regions, cancel)!;
        return Score(turnedReading.Words) > Score(unturned.Words)
            ? (turned.Image, turned.Rules, turnedReading, turn)
            : (first.Image, first.Rules, unturned, 0);
    }

    /// <summary>
    /// Noise, or a page read sideways: turned text still gives confident characters, but one or two
    /// per line (each column of a turned line is read as a line of its own). <paramref name="share"/>: the
    /// part of the page's lines the words come from (a sample).
    /// </summary>
    static bool LooksUnreadable(List<OcrWord> words, double share = 1) =>
        words.Count == 0 || words.Count < 10 * share || words.Average(w => w.Confidence) < 80 || words.Average(w => w.Text.Length) < 2.5;

    static double Score(List<OcrWord> words) => words.Sum(w => w.Confidence * w.Text.Length);

    /// <summary>The page turned, straightened, its rules found and erased, its specks cleaned, and the regions to read.</summary>
    (GrayImage Image, List<Rule> Rules, List<OcrRegion> Regions) Prepare(GrayImage page, int turn, CancellationToken cancel)
    {
        // Rules are erased in place: the rendered page must stay intact for a turned reading.
        var image = turn != 0 ? page.RotateClockwise(turn) : page.Crop(0, 0, page.Width, page.Height, 0);
        double skew = Deskew.Angle(image);
        if (skew != 0) image = Deskew.Rotate(image, skew);
        cancel.ThrowIfCancellationRequested();
        List<Rule> rules;
        using (OcrTimings.Time("rules")) rules = ImageRules.FindAndErase(image, PointsPerPixel);
        // After the rules are gone, so that a speck on a rule is as alone as one in the margin.
        using (OcrTimings.Time("clean")) SpeckFilter.Clean(image);
        cancel.ThrowIfCancellationRequested();
        OcrTimings.Mark($"prepared turn {turn}");
        return (image, rules, Regions(image, rules));
    }

    /// <summary>
    /// Every merged cell of every ruled grid, and the bands of the page above, between and below the
    /// grids (titles, notes, tables without rules) as areas for text detection.
    /// </summary>
    static List<OcrRegion> Regions(GrayImage image, List<Rule> rules)
    {
        var lattices = LatticeFinder.Find(RuleMerger.Merge(rules, PageReader.Tolerance), PageReader.Tolerance);
        var regions = new List<OcrRegion>();
        int Px(double pt) => (int)Math.Round(pt / PointsPerPixel);
        var taken = new List<(int Top, int Bottom)>();
        foreach (var lattice in lattices)
        {
            var b = lattice.Bounds;
            taken.Add((Px(b.Top), Px(b.Bottom)));
            foreach (var cell in GridTableBuilder.MergedCells(lattice, PageReader.Tolerance).Cells)
            {
                var box = GridTableBuilder.CellBox(lattice, cell);
                int x0 = Px(box.Left), y0 = Px(box.Top), x1 = Px(box.Right), y1 = Px(box.Bottom);
                if (x1 - x0 < 8 || y1 - y0 < 8 || regions.Count >= 3000) continue;
                regions.Add(new OcrRegion(x0, y0, x1, y1, IsCell: true));
            }
        }
        int y = 0;
        foreach (var (top, bottom) in taken.OrderBy(t => t.Top))
        {
            if (top - y >= 16) regions.Add(new OcrRegion(0, y, image.Width, top, IsCell: false));
            y = Math.Max(y, bottom);
        }
        if (image.Height - y >= 16) regions.Add(new OcrRegion(0, y, image.Width, image.Height, IsCell: false));
        return regions;
    }

    GrayImage Render(int page, string pdftoppm, CancellationToken cancel)
    {
        var prefix = Path.Combine(_dir!, $"p{page}");
        // In colour, so that red seals and blue signatures can be lifted off the black text (see ReadPpm).
        ExternalTool.Run(pdftoppm, new[] { "-r", Dpi.ToString(CultureInfo.InvariantCulture), "-f", $"{page}", "-l", $"{page}", "-singlefile", _pdfPath!, prefix }, RenderLimit, cancel);
        var ppm = prefix + ".ppm";
        try { return GrayImage.ReadPpm(ppm); }
        finally { TryDelete(ppm); }
    }

    /// <summary>Less than 0.2% dark pixels: an empty page with some scanner dust.</summary>
    static bool IsBlank(GrayImage img)
    {
        long dark = 0, seen = 0;
        for (int y = 0; y < img.Height; y += 3)
            for (int x = 0; x < img.Width; x += 3, seen++)
                if (img[x, y] < 128) dark++;
        return seen == 0 || dark < seen * 0.002;
    }

    void EnsurePdfCopy()
    {
        if (_pdfPath is not null) return;
        _dir = Path.Combine(Path.GetTempPath(), "jixiao-ocr-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        _pdfPath = Path.Combine(_dir, "source.pdf");
        long pos = _source.Position;
        _source.Position = 0;
        using (var fs = File.Create(_pdfPath)) _source.CopyTo(fs);
        _source.Position = pos;
    }

    static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public void Dispose()
    {
        if (_dir is null) return;
        OcrTimings.Print();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>The OCR tools are not installed or cannot run; the message names what to install.</summary>
internal sealed class OcrUnavailableException(string message) : Exception(message);
