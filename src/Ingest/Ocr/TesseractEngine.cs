using System.Globalization;
using System.Text.RegularExpressions;

namespace Jixiao.Ingest.Ocr;

/// <summary>
/// The former engine, kept as the peer `bench` compares PP-OCR against: tesseract (chi_sim+eng) run as
/// a process, once over the page outside the tables and every cell as a batch of images.
/// </summary>
internal sealed partial class TesseractEngine(Func<string, string?> findTool) : IOcrEngine
{
    static readonly TimeSpan ToolLimit = TimeSpan.FromMinutes(3);
    string? _tesseract, _languages;

    public string Name => "tesseract";

    public void EnsureAvailable(CancellationToken cancel)
    {
        if (_languages is not null) return;
        _tesseract = findTool("tesseract")
            ?? throw new OcrUnavailableException("the tesseract peer needs tesseract-ocr tesseract-ocr-chi-sim (apt-get install tesseract-ocr tesseract-ocr-chi-sim)");
        var list = ExternalTool.Run(_tesseract, new[] { "--list-langs" }, TimeSpan.FromSeconds(30), cancel);
        var have = list.Split('\n').Select(s => s.Trim()).ToHashSet();
        var langs = new[] { "chi_sim", "eng" }.Where(have.Contains).ToList();
        if (!langs.Contains("chi_sim"))
            throw new OcrUnavailableException("tesseract needs its Chinese model: apt-get install tesseract-ocr-chi-sim");
        _languages = string.Join("+", langs);
    }

    public OcrReading? Read(GrayImage image, IReadOnlyList<OcrRegion> regions, CancellationToken cancel, Func<OcrSample, bool>? upright = null)
    {
        // The areas are read as one image with the cells blanked out; each cell on its own.
        var outside = image.Crop(0, 0, image.Width, image.Height, 0);
        foreach (var r in regions.Where(r => r.IsCell)) outside.Blank(r.X0, r.Y0, r.X1, r.Y1);
        const int pad = 12;
        var images = new List<(GrayImage Image, int X, int Y)> { (outside, 0, 0) };
        foreach (var r in regions.Where(r => r.IsCell && InkBox.Of(image, r) is not null))
            images.Add((image.Crop(r.X0, r.Y0, r.X1, r.Y1, pad), r.X0 - pad, r.Y0 - pad));
        var dir = Path.Combine(Path.GetTempPath(), "jixiao-tess-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var files = new List<string>();
            for (int i = 0; i < images.Count; i++)
            {
                var path = Path.Combine(dir, $"{i}.pgm");
                images[i].Image.WritePgm(path);
                files.Add(path);
            }
            var list = Path.Combine(dir, "list.txt");
            File.WriteAllLines(list, files);
            var tsv = ExternalTool.Run(_tesseract!, new[] { list, "-", "--dpi", "200", "-l", _languages!, "--psm", "6", "tsv" }, ToolLimit, cancel);
            var words = new List<OcrWord>();
            foreach (var w in TesseractTsv.Parse(tsv))
            {
                if (w.Image < 1 || w.Image > images.Count) continue;
                var at = images[w.Image - 1];
                words.Add(w with { Left = w.Left + at.X, Top = w.Top + at.Y });
            }
            // Tesseract reads the page in one process: the sample is the whole reading.
            if (upright is not null && !upright(new OcrSample(words, images.Count, images.Count))) return null;
            return new OcrReading(words, new List<string>());
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    [GeneratedRegex(@"Rotate:\s*(\d+)")]
    private static partial Regex RotateLine();

    [GeneratedRegex(@"Orientation confidence:\s*([0-9.]+)")]
    private static partial Regex OrientationConfidence();

    /// <summary>Tesseract's orientation detection; pages it cannot judge are read as they are.</summary>
    public int UprightTurns(GrayImage page, CancellationToken cancel)
    {
        var path = Path.Combine(Path.GetTempPath(), "jixiao-osd-" + Guid.NewGuid().ToString("N") + ".pgm");
        try
        {
            page.WritePgm(path);
            var osd = ExternalTool.Run(_tesseract!, new[] { path, "-", "--dpi", "200", "--psm", "0" }, ToolLimit, cancel);
            var m = RotateLine().Match(osd);
            var c = OrientationConfidence().Match(osd);
            if (!m.Success) return 0;
            double confidence = c.Success ? double.Parse(c.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
            return confidence < 1.0 ? 0 : int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) % 360;
        }
        catch (InvalidOperationException)
        {
            return 0;   // "too few characters" on nearly blank pages
        }
        finally
        {
            try { File.Delete(path); } catch (IOException) { }
        }
    }
}
