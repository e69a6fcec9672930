using System.Globalization;
using System.Text.RegularExpressions;
using Jixiao.Ingest.Pdf;

namespace Jixiao.Ingest.Ocr;

/// <summary>
/// Reads an image-only PDF page: rasterise with pdftoppm, find the upright orientation with
/// tesseract's OSD, OCR to word boxes, and lay them out with the same table logic as text pages
/// using rules found on the raster. The PDF is copied to a temporary file only when needed.
/// </summary>
internal sealed partial class ScannedPageReader : IDisposable
{
    const int Dpi = 300;
    // Cells are cut right at the rule (already erased): labels in tight rows reach the rule, and an
    // inset of even 3 pixels cut the tops off and turned 项目名称 into 项目名检.
    const int Inset = 0;
    const double PointsPerPixel = 72.0 / Dpi;
    static readonly TimeSpan ToolLimit = TimeSpan.FromMinutes(3);

    readonly Stream _source;
    readonly string _fileName;
    string? _dir, _pdfPath;
    double _confidenceSum;

    readonly Func<string, string?> _findTool;

    /// <param name="findTool">Finds a command on PATH; tests pass one that finds nothing.</param>
    public ScannedPageReader(Stream source, string fileName, Func<string, string?>? findTool = null)
    {
        _source = source;
        _fileName = fileName;
        _findTool = findTool ?? ExternalTool.Find;
    }

    // Pages are OCRed on worker threads, but never more tesseract runs than cores in the whole
    // process: `import` already reads several files at once, and each run holds a 9 MB page image.
    static readonly SemaphoreSlim Gate = new(Math.Max(1, Environment.ProcessorCount));

    readonly object _lock = new();

    public int WordCount { get; private set; }
    public int PageCount { get; private set; }
    public double MeanConfidence { get { lock (_lock) return WordCount == 0 ? 0 : _confidenceSum / WordCount; } }

    [GeneratedRegex(@"Rotate:\s*(\d+)")]
    private static partial Regex RotateLine();

    [GeneratedRegex(@"Orientation confidence:\s*([0-9.]+)")]
    private static partial Regex OrientationConfidence();

    /// <summary>
    /// Starts reading a scanned page in the background. Checks the tools and copies the PDF on the
    /// caller's thread (the parser reads the same stream), so a missing tool fails at once.
    /// </summary>
    public Task<PageContent> Start(int page, CancellationToken cancel)
    {
        var pdftoppm = _findTool("pdftoppm");
        var tesseract = _findTool("tesseract");
        if (pdftoppm is null || tesseract is null)
            throw new OcrUnavailableException($"scanned page {page} needs OCR: install tesseract-ocr tesseract-ocr-chi-sim poppler-utils (apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils)");
        var languages = Languages(tesseract, cancel);
        EnsurePdfCopy();
        // Wait for the gate asynchronously: a page queued behind it must not hold a pool thread.
        return Task.Run(async () =>
        {
            await Gate.WaitAsync(cancel);
            try { return Read(page, pdftoppm, tesseract, languages, cancel); }
            finally { Gate.Release(); }
        }, cancel);
    }

    public PageContent Read(int page, CancellationToken cancel) => Start(page, cancel).GetAwaiter().GetResult();

    PageContent Read(int page, string pdftoppm, string tesseract, string languages, CancellationToken cancel)
    {
        var prefix = Path.Combine(_dir!, $"p{page}");
        ExternalTool.Run(pdftoppm, new[] { "-r", Dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-f", $"{page}", "-l", $"{page}", "-singlefile", _pdfPath!, prefix }, ToolLimit, cancel);
        var pgm = prefix + ".pgm";
        var original = GrayImage.ReadPgm(pgm);
        if (IsBlank(original))
        {
            // Scanned backs of sheets: nothing to read, and OCR would only invent noise.
            TryDelete(pgm);
            lock (_lock) PageCount++;
            return new PageContent(page, original.Width * PointsPerPixel, original.Height * PointsPerPixel);
        }

        // Most scans are upright: read first, and only when the result looks like noise ask
        // tesseract's orientation detection (a few seconds a page) and read again turned. The
        // Chinese-only second look at Latin-looking cells waits until the orientation is settled:
        // on a sideways page nearly every cell looks Latin.
        var reading = ReadTurned(tesseract, languages, original, 0, prefix, cancel);
        if (LooksUnreadable(reading.Words))
        {
            int rotate = DetectRotation(tesseract, pgm, cancel);
            if (rotate != 0)
            {
                var turned = ReadTurned(tesseract, languages, original, rotate, prefix, cancel);
                if (Score(turned.Words) > Score(reading.Words)) reading = turned;
            }
        }
        TryDelete(pgm);
        var words = languages.Contains('+') ? RereadLatinCells(tesseract, reading.Words, reading.Cells, prefix, cancel) : reading.Words;
        var glyphs = new List<Glyph>(words.Count);
        double sum = 0;
        foreach (var w in words)
        {
            sum += w.Confidence;
            glyphs.Add(TesseractTsv.ToGlyph(w, PointsPerPixel));
        }
        lock (_lock)
        {
            _confidenceSum += sum;
            WordCount += words.Count;
            PageCount++;
        }
        var image = reading.Image;
        return PageReader.Layout(page, image.Width * PointsPerPixel, image.Height * PointsPerPixel, glyphs, reading.Rules);
    }

    sealed record Reading(GrayImage Image, List<Rule> Rules, List<OcrWord> Words, List<CellImage> Cells);

    /// <summary>A cell cut out for tesseract, kept in memory so a second look needs no new crop.</summary>
    sealed record CellImage(GrayImage Image, int X, int Y);

    Reading ReadTurned(string tesseract, string languages, GrayImage original, int rotate, string prefix, CancellationToken cancel)
    {
        var image = rotate == 0 ? original : original.RotateClockwise(rotate);
        double skew = Deskew.Angle(image);
        // Rules are erased in place: the original must stay intact for a second, turned reading.
        if (skew != 0) image = Deskew.Rotate(image, skew);
        else if (ReferenceEquals(image, original)) image = original.Crop(0, 0, original.Width, original.Height, 0);
        cancel.ThrowIfCancellationRequested();
        var rules = ImageRules.FindAndErase(image, PointsPerPixel);
        cancel.ThrowIfCancellationRequested();
        var (words, cells) = Recognise(tesseract, languages, image, rules, prefix, cancel);
        return new Reading(image, rules, words, cells);
    }

    static bool LooksUnreadable(List<OcrWord> words) => words.Count < 10 || words.Average(w => w.Confidence) < 70;

    static double Score(List<OcrWord> words) => words.Sum(w => w.Confidence * w.Text.Length);

    /// <summary>
    /// OCR in one tesseract run over several images: the page with its tables blanked out, then
    /// every table cell cropped on its own. Whole-page OCR mixes the lines of side-by-side cells;
    /// cell by cell keeps them apart. Word boxes come back in page pixels.
    /// </summary>
    (List<OcrWord> Words, List<CellImage> Cells) Recognise(string tesseract, string languages, GrayImage image, List<Rule> rules, string prefix, CancellationToken cancel)
    {
        var lattices = LatticeFinder.Find(RuleMerger.Merge(rules, PageReader.Tolerance), PageReader.Tolerance);
        var outside = image.Crop(0, 0, image.Width, image.Height, 0);
        var cells = new List<CellImage>();
        const int pad = 12;
        int Px(double pt) => (int)Math.Round(pt / PointsPerPixel);
        foreach (var lattice in lattices)
        {
            var b = lattice.Bounds;
            outside.Blank(Px(b.Left), Px(b.Top), Px(b.Right), Px(b.Bottom));
            foreach (var cell in GridTableBuilder.MergedCells(lattice, PageReader.Tolerance).Cells)
            {
                var box = GridTableBuilder.CellBox(lattice, cell);
                int x0 = Px(box.Left) + Inset, y0 = Px(box.Top) + Inset, x1 = Px(box.Right) - Inset, y1 = Px(box.Bottom) - Inset;
                if (x1 - x0 < 8 || y1 - y0 < 8 || !HasInk(image, x0, y0, x1, y1)) continue;
                if (cells.Count >= 3000) break;
                cells.Add(new CellImage(image.Crop(x0, y0, x1, y1, pad), x0 - pad, y0 - pad));
            }
        }
        var images = new List<CellImage> { new(outside, 0, 0) };
        images.AddRange(cells);
        var words = RunBatch(tesseract, languages, images, prefix + "-read", cancel);
        return (words, images);
    }

    /// <summary>
    /// One tesseract run over several images (one model load instead of one per cell); the words
    /// come back in page pixels with <see cref="OcrWord.Image"/> the 1-based index into the list.
    /// </summary>
    List<OcrWord> RunBatch(string tesseract, string languages, List<CellImage> images, string prefix, CancellationToken cancel)
    {
        var files = new List<string>(images.Count);
        var list = prefix + "-list.txt";
        try
        {
            for (int i = 0; i < images.Count; i++)
            {
                var path = $"{prefix}-{i}.pgm";
                images[i].Image.WritePgm(path);
                files.Add(path);
            }
            File.WriteAllLines(list, files);
            var tsv = ExternalTool.Run(tesseract, new[] { list, "-", "--dpi", "300", "-l", languages, "--psm", "6", "tsv" }, ToolLimit, cancel);
            var words = new List<OcrWord>();
            foreach (var w in TesseractTsv.Parse(tsv))
            {
                if (w.Image < 1 || w.Image > images.Count) continue;
                var at = images[w.Image - 1];
                words.Add(w with { Left = w.Left + at.X, Top = w.Top + at.Y });
            }
            return words;
        }
        finally
        {
            foreach (var f in files) TryDelete(f);
            TryDelete(list);
        }
    }

    /// <summary>
    /// With chi_sim+eng, tesseract sometimes takes a short Chinese label for English noise
    /// ("项目名称" as "THA AK"). Forms hold almost no Latin words, so cells that came back as
    /// Latin letters are read again with Chinese alone, and the Chinese reading wins when it has
    /// Chinese characters in it.
    /// </summary>
    List<OcrWord> RereadLatinCells(string tesseract, List<OcrWord> words, List<CellImage> images, string prefix, CancellationToken cancel)
    {
        var suspects = words.Where(w => w.Image >= 2).GroupBy(w => w.Image)
            .Where(g => LooksLatin(string.Concat(g.Select(w => w.Text)))).Select(g => g.Key).ToList();
        if (suspects.Count == 0) return words;
        var again = RunBatch(tesseract, "chi_sim", suspects.Select(i => images[i - 1]).ToList(), prefix + "-reread", cancel)
            .GroupBy(w => suspects[w.Image - 1])
            .Where(g => g.Any(w => w.Text.Any(TextLineBuilder.IsCjk)))
            .ToDictionary(g => g.Key, g => g.Select(w => w with { Image = g.Key }).ToList());
        var result = words.Where(w => !again.ContainsKey(w.Image)).ToList();
        foreach (var cell in again.Values) result.AddRange(cell);
        return result;
    }

    static bool LooksLatin(string text)
    {
        int latin = text.Count(c => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z');
        int cjk = text.Count(TextLineBuilder.IsCjk);
        return latin >= 2 && latin > cjk;
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

    /// <summary>Blank cells are not worth a tesseract page.</summary>
    static bool HasInk(GrayImage img, int x0, int y0, int x1, int y1)
    {
        int dark = 0;
        for (int y = y0; y < y1; y += 2)
            for (int x = x0; x < x1; x += 2)
                if (img[x, y] < 128 && ++dark >= 6) return true;
        return false;
    }

    /// <summary>Clockwise degrees that make the page upright, from tesseract's orientation detection.</summary>
    int DetectRotation(string tesseract, string pgm, CancellationToken cancel)
    {
        try
        {
            var osd = ExternalTool.Run(tesseract, new[] { pgm, "-", "--dpi", "300", "--psm", "0" }, ToolLimit, cancel);
            var m = RotateLine().Match(osd);
            var c = OrientationConfidence().Match(osd);
            if (!m.Success) return 0;
            double confidence = c.Success ? double.Parse(c.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
            if (confidence < 1.0) return 0;
            return int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) % 360;
        }
        catch (InvalidOperationException)
        {
            // OSD fails on nearly blank pages ("too few characters"): read them as they are.
            return 0;
        }
    }

    string? _languages;

    string Languages(string tesseract, CancellationToken cancel)
    {
        if (_languages is not null) return _languages;   // set once, on the parser's thread
        var list = ExternalTool.Run(tesseract, new[] { "--list-langs" }, TimeSpan.FromSeconds(30), cancel);
        var have = list.Split('\n').Select(s => s.Trim()).ToHashSet();
        var langs = new[] { "chi_sim", "eng" }.Where(have.Contains).ToList();
        if (!langs.Contains("chi_sim"))
            throw new OcrUnavailableException("scanned pages need OCR with Chinese: install tesseract-ocr-chi-sim (apt-get install tesseract-ocr-chi-sim)");
        return _languages = string.Join("+", langs);
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
        _ = _fileName;
    }

    static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public void Dispose()
    {
        if (_dir is null) return;
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>The OCR tools (or their Chinese model) are not installed; the message names the Debian packages.</summary>
internal sealed class OcrUnavailableException(string message) : Exception(message);
