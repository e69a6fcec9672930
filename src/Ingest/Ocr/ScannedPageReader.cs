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
        var image = GrayImage.ReadPgm(pgm);

        int rotate = DetectRotation(tesseract, pgm, cancel);
        if (rotate != 0) image = image.RotateClockwise(rotate);
        var rules = ImageRules.FindAndErase(image, PointsPerPixel);
        image.WritePgm(pgm);
        cancel.ThrowIfCancellationRequested();
        var tsv = ExternalTool.Run(tesseract, new[] { pgm, "-", "-l", Languages(tesseract, cancel), "--psm", Environment.GetEnvironmentVariable("JX_PSM") ?? "6", "tsv" }, ToolLimit, cancel);
        var words = TesseractTsv.Parse(tsv);
        var glyphs = new List<Glyph>(words.Count);
        foreach (var w in words)
        {
            _confidenceSum += w.Confidence;
            WordCount++;
            glyphs.Add(TesseractTsv.ToGlyph(w, PointsPerPixel));
        }
        PageCount++;
        TryDelete(pgm);
        _ = pageWidth; _ = pageHeight;
        return PageReader.Layout(page, image.Width * PointsPerPixel, image.Height * PointsPerPixel, glyphs, rules);
    }

    /// <summary>Clockwise degrees that make the page upright, from tesseract's orientation detection.</summary>
    int DetectRotation(string tesseract, string pgm, CancellationToken cancel)
    {
        try
        {
            var osd = ExternalTool.Run(tesseract, new[] { pgm, "-", "--psm", "0" }, ToolLimit, cancel);
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
