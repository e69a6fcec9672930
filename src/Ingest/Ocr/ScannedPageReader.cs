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

    public ScannedPageReader(Stream source, string fileName)
    {
        _source = source;
        _fileName = fileName;
    }

    public int WordCount { get; private set; }
    public int PageCount { get; private set; }
    public double MeanConfidence => WordCount == 0 ? 0 : _confidenceSum / WordCount;

    [GeneratedRegex(@"Rotate:\s*(\d+)")]
    private static partial Regex RotateLine();

    [GeneratedRegex(@"Orientation confidence:\s*([0-9.]+)")]
    private static partial Regex OrientationConfidence();

    public PageContent Read(int page, double pageWidth, double pageHeight, CancellationToken cancel)
    {
        var pdftoppm = ExternalTool.Find("pdftoppm");
        var tesseract = ExternalTool.Find("tesseract");
        if (pdftoppm is null || tesseract is null)
            throw new UnreadableDocumentException($"scanned page {page} needs OCR: install tesseract-ocr tesseract-ocr-chi-sim poppler-utils (apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils)");
        EnsurePdfCopy();
        var prefix = Path.Combine(_dir!, $"p{page}");
        ExternalTool.Run(pdftoppm, new[] { "-r", Dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-f", $"{page}", "-l", $"{page}", "-singlefile", _pdfPath!, prefix }, ToolLimit, cancel);
        var pgm = prefix + ".pgm";
        var original = GrayImage.ReadPgm(pgm);
        if (IsBlank(original))
        {
            // Scanned backs of sheets: nothing to read, and OCR would only invent noise.
            TryDelete(pgm);
            PageCount++;
            return new PageContent(page, original.Width * PointsPerPixel, original.Height * PointsPerPixel);
        }

        // Most scans are upright: read first, and only when the result looks like noise ask
        // tesseract's orientation detection (a few seconds a page) and read again turned.
        var (image, rules, words) = ReadTurned(tesseract, original, 0, prefix, cancel);
        if (LooksUnreadable(words))
        {
            int rotate = DetectRotation(tesseract, pgm, cancel);
            if (rotate != 0)
            {
                var turned = ReadTurned(tesseract, original, rotate, prefix, cancel);
                if (Score(turned.Words) > Score(words)) (image, rules, words) = turned;
            }
        }
        TryDelete(pgm);
        var glyphs = new List<Glyph>(words.Count);
        foreach (var w in words)
        {
            _confidenceSum += w.Confidence;
            WordCount++;
            glyphs.Add(TesseractTsv.ToGlyph(w, PointsPerPixel));
        }
        PageCount++;
        _ = pageWidth; _ = pageHeight;
        return PageReader.Layout(page, image.Width * PointsPerPixel, image.Height * PointsPerPixel, glyphs, rules);
    }

    (GrayImage Image, List<Rule> Rules, List<OcrWord> Words) ReadTurned(string tesseract, GrayImage original, int rotate, string prefix, CancellationToken cancel)
    {
        var image = rotate == 0 ? original.Crop(0, 0, original.Width, original.Height, 0) : original.RotateClockwise(rotate);
        var rules = ImageRules.FindAndErase(image, PointsPerPixel);
        cancel.ThrowIfCancellationRequested();
        return (image, rules, Recognise(tesseract, image, rules, prefix, cancel));
    }

    static bool LooksUnreadable(List<OcrWord> words) => words.Count < 10 || words.Average(w => w.Confidence) < 70;

    static double Score(List<OcrWord> words) => words.Sum(w => w.Confidence * w.Text.Length);

    /// <summary>
    /// OCR in one tesseract run over several images: the page with its tables blanked out, then
    /// every table cell cropped on its own. Whole-page OCR mixes the lines of side-by-side cells;
    /// cell by cell keeps them apart. Word boxes come back in page pixels.
    /// </summary>
    List<OcrWord> Recognise(string tesseract, GrayImage image, List<Rule> rules, string prefix, CancellationToken cancel)
    {
        var lattices = LatticeFinder.Find(RuleMerger.Merge(rules, PageReader.Tolerance), PageReader.Tolerance);
        var offsets = new List<(int X, int Y)> { (0, 0) };
        var files = new List<string>();
        var outside = image.Crop(0, 0, image.Width, image.Height, 0);
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
                if (files.Count >= 3000) break;
                var path = $"{prefix}-c{files.Count}.pgm";
                image.Crop(x0, y0, x1, y1, pad).WritePgm(path);
                files.Add(path);
                offsets.Add((x0 - pad, y0 - pad));
            }
        }
        var pagePath = prefix + "-outside.pgm";
        outside.WritePgm(pagePath);
        files.Insert(0, pagePath);
        var list = prefix + "-list.txt";
        File.WriteAllLines(list, files);
        try
        {
            var tsv = ExternalTool.Run(tesseract, new[] { list, "-", "--dpi", "300", "-l", Languages(tesseract, cancel), "--psm", "6", "tsv" }, ToolLimit, cancel);
            var parsed = TesseractTsv.Parse(tsv);
            parsed = RereadLatinCells(tesseract, parsed, files, prefix, cancel);
            var words = new List<OcrWord>();
            foreach (var w in parsed)
            {
                if (w.Image < 1 || w.Image > offsets.Count) continue;
                var (dx, dy) = offsets[w.Image - 1];
                words.Add(w with { Left = w.Left + dx, Top = w.Top + dy });
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
    List<OcrWord> RereadLatinCells(string tesseract, List<OcrWord> words, List<string> files, string prefix, CancellationToken cancel)
    {
        var suspects = words.Where(w => w.Image >= 2).GroupBy(w => w.Image)
            .Where(g => LooksLatin(string.Concat(g.Select(w => w.Text)))).Select(g => g.Key).ToList();
        if (suspects.Count == 0 || !Languages(tesseract, cancel).Contains('+')) return words;
        var list = prefix + "-reread.txt";
        File.WriteAllLines(list, suspects.Select(i => files[i - 1]));
        try
        {
            var tsv = ExternalTool.Run(tesseract, new[] { list, "-", "--dpi", "300", "-l", "chi_sim", "--psm", "6", "tsv" }, ToolLimit, cancel);
            var again = TesseractTsv.Parse(tsv).GroupBy(w => suspects[Math.Clamp(w.Image, 1, suspects.Count) - 1])
                .Where(g => g.Any(w => w.Text.Any(TextLineBuilder.IsCjk)))
                .ToDictionary(g => g.Key, g => g.Select(w => w with { Image = g.Key }).ToList());
            var result = words.Where(w => !again.ContainsKey(w.Image)).ToList();
            foreach (var list2 in again.Values) result.AddRange(list2);
            return result;
        }
        finally
        {
            TryDelete(list);
        }
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
        if (_languages is not null) return _languages;
        var list = ExternalTool.Run(tesseract, new[] { "--list-langs" }, TimeSpan.FromSeconds(30), cancel);
        var have = list.Split('\n').Select(s => s.Trim()).ToHashSet();
        var langs = new[] { "chi_sim", "eng" }.Where(have.Contains).ToList();
        if (!langs.Contains("chi_sim"))
            throw new UnreadableDocumentException("scanned pages need OCR with Chinese: install tesseract-ocr-chi-sim (apt-get install tesseract-ocr-chi-sim)");
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
