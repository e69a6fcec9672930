using System.Diagnostics;
using System.Globalization;
using Jixiao.Ingest.Ocr;
using Jixiao.Ingest.Pdf;

namespace Jixiao.Cli.Bench;

/// <summary>
/// Scanned pages: seconds per page for the PP-OCR engine and the former tesseract engine on the same
/// pages (each a whole parse: render, rules, OCR, layout; pages of a document in parallel), and the
/// peer a user has, pdftoppm + tesseract run per page. A missing tool is reported and its rows skipped.
/// </summary>
internal static class OcrBench
{
    public static void Run(BenchReport report, IReadOnlyList<ParsedFile> parsed, string scratch, Action<string> log)
    {
        var s = report.Add("Scanned PDF pages: PP-OCR vs tesseract", "engine", "files", "pages", "wall", "s/page wall", "cpu", "s/page cpu", "peer/pp-ocr wall");
        var scans = parsed.Where(p => p.Format == "pdf" && IsScanned(p.Path)).ToList();
        if (scans.Count == 0) { s.Note("no scanned PDF in the corpus: skipped"); return; }
        int pages = scans.Sum(p => p.Pages);
        var rows = new List<(string Name, TimeSpan Wall, TimeSpan? Cpu)>();
        log($"ocr: pp-ocr on {scans.Count} scanned files");
        rows.Add(("pp-ocr (in-process)", ParseAll(scans, () => new Ingest.Ocr.Paddle.PaddleOcrEngine(), out var cpu), cpu));
        var tesseract = ExternalTool.Find("tesseract");
        var pdftoppm = ExternalTool.Find("pdftoppm");
        if (tesseract is null) s.Note("tesseract not installed: the old engine and the pdftoppm + tesseract peer are skipped (apt-get install tesseract-ocr tesseract-ocr-chi-sim)");
        else
        {
            log("ocr: former tesseract engine");
            rows.Add(("tesseract engine (old)", ParseAll(scans, () => new TesseractEngine(ExternalTool.Find), out var tcpu), tcpu));
            if (pdftoppm is not null)
            {
                log("ocr: peer pdftoppm + tesseract per page");
                rows.Add(("peer: pdftoppm + tesseract", Peer(scans, pdftoppm, tesseract, scratch, out var pcpu), pcpu));
            }
        }
        var ours = rows[0].Wall;
        foreach (var (name, wall, c) in rows)
            s.Row(name, scans.Count.ToString(), pages.ToString(), Figures.Sec(wall), PerPage(wall, pages), Figures.Sec(c ?? TimeSpan.Zero), c is null ? "n/a" : PerPage(c.Value, pages),
                name.StartsWith("pp-ocr") ? "-" : (wall / ours).ToString("0.00", CultureInfo.InvariantCulture) + "x");
        s.Note("engines parse whole documents (pages in parallel, one per core); the peer renders and OCRs each page in turn and builds no tables.");
        s.Note("cpu: process CPU time including child processes (tesseract, pdftoppm); the fairer figure on a loaded machine.");
    }

    static string PerPage(TimeSpan t, int pages) => (t.TotalSeconds / Math.Max(1, pages)).ToString("0.00", CultureInfo.InvariantCulture);

    static TimeSpan ParseAll(List<ParsedFile> scans, Func<IOcrEngine> engine, out TimeSpan? cpu)
    {
        var self0 = CpuTime.Self();
        var kids0 = CpuTime.Children();
        var sw = Stopwatch.StartNew();
        foreach (var f in scans)
        {
            using var stream = File.OpenRead(f.Path);
            try { new PdfParser(null, engine).Parse(stream, Path.GetFileName(f.Path), CancellationToken.None); }
            catch (Exception e) when (e is not OutOfMemoryException) { Console.Error.WriteLine($"bench: ocr {Path.GetFileName(f.Path)}: {e.Message}"); }
        }
        var wall = sw.Elapsed;
        var kids = CpuTime.Children();
        cpu = CpuTime.Self() - self0 + (kids is not null && kids0 is not null ? kids.Value - kids0.Value : TimeSpan.Zero);
        return wall;
    }

    static TimeSpan Peer(List<ParsedFile> scans, string pdftoppm, string tesseract, string scratch, out TimeSpan? cpu)
    {
        var kids0 = CpuTime.Children();
        var sw = Stopwatch.StartNew();
        var prefix = Path.Combine(scratch, "peer-page");
        foreach (var f in scans)
            for (int n = 1; n <= f.Pages; n++)
            {
                var page = n.ToString(CultureInfo.InvariantCulture);
                try
                {
                    ExternalTool.Run(pdftoppm, new[] { "-r", "200", "-gray", "-f", page, "-l", page, "-singlefile", f.Path, prefix }, TimeSpan.FromMinutes(2), CancellationToken.None);
                    ExternalTool.Run(tesseract, new[] { prefix + ".pgm", "-", "-l", "chi_sim", "--psm", "6" }, TimeSpan.FromMinutes(5), CancellationToken.None);
                }
                catch (Exception e) when (e is InvalidOperationException or TimeoutException) { Console.Error.WriteLine($"bench: peer {Path.GetFileName(f.Path)} p{n}: {e.Message}"); }
            }
        var kids = CpuTime.Children();
        cpu = kids is not null && kids0 is not null ? kids.Value - kids0.Value : null;
        return sw.Elapsed;
    }

    static bool IsScanned(string path)
    {
        try
        {
            using var pdf = UglyToad.PdfPig.PdfDocument.Open(path, new UglyToad.PdfPig.ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            return pdf.NumberOfPages > 0 && ScanDetector.IsScanned(pdf.GetPage(1));
        }
        catch (Exception e) when (e is not OutOfMemoryException) { return false; }
    }
}
