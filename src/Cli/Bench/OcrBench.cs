using System.Diagnostics;
using System.Globalization;
using Jixiao.Extract;
using Jixiao.Ingest.Ocr;
using Jixiao.Ingest.Pdf;

namespace Jixiao.Cli.Bench;

/// <summary>
/// Scanned pages: seconds per page for the PP-OCR engine and the former tesseract engine on the same pages
/// (each a whole parse and extraction: render, rules, OCR, layout, extract; pages of a document in parallel),
/// the peer a user has, pdftoppm + tesseract run per page, and each scanned document as a user runs it
/// (`jixiao extract FILE --json`, a process of its own: start-up and model load included). A missing tool is
/// reported and its rows skipped.
/// </summary>
internal static class OcrBench
{
    /// <summary>The goal of issue #16 for a scanned page on 2 cores, end to end.</summary>
    const double TargetSecondsPerPage = 3.0;

    public static void Run(BenchReport report, IReadOnlyList<ParsedFile> parsed, string scratch, Action<string> log)
    {
        var s = report.Add("Scanned PDF pages: PP-OCR vs tesseract", "engine", "files", "pages", "wall", "s/page wall", "cpu", "s/page cpu", "peak", "peer/pp-ocr wall");
        var scans = parsed.Where(p => p.Format == "pdf" && IsScanned(p.Path)).ToList();
        if (scans.Count == 0) { s.Note("no scanned PDF in the corpus: skipped"); return; }
        int pages = scans.Sum(p => p.Pages);
        var rows = new List<(string Name, TimeSpan Wall, TimeSpan? Cpu, long? Peak)>();
        log($"ocr: pp-ocr on {scans.Count} scanned files");
        rows.Add(("pp-ocr (new, in-process)", ParseAll(scans, () => new Ingest.Ocr.Paddle.PaddleOcrEngine(), out var cpu, out var peak), cpu, peak));
        var tesseract = ExternalTool.Find("tesseract");
        var pdftoppm = ExternalTool.Find("pdftoppm");
        if (tesseract is null) s.Note("tesseract not installed: the old engine and the pdftoppm + tesseract peer are skipped (apt-get install tesseract-ocr tesseract-ocr-chi-sim)");
        else
        {
            log("ocr: former tesseract engine");
            rows.Add(("tesseract engine (old)", ParseAll(scans, () => new TesseractEngine(ExternalTool.Find), out var tcpu, out var tpeak), tcpu, tpeak));
            if (pdftoppm is not null)
            {
                log("ocr: peer pdftoppm + tesseract per page");
                rows.Add(("peer: pdftoppm + tesseract", Peer(scans, pdftoppm, tesseract, scratch, out var pcpu), pcpu, null));
            }
        }
        var ours = rows[0].Wall;
        foreach (var (name, wall, c, p) in rows)
            s.Row(name, scans.Count.ToString(CultureInfo.InvariantCulture), pages.ToString(CultureInfo.InvariantCulture), Figures.Sec(wall), PerPage(wall, pages),
                Figures.Sec(c ?? TimeSpan.Zero), c is null ? "n/a" : PerPage(c.Value, pages), p is null ? "n/a" : Figures.Mb(p.Value),
                name.StartsWith("pp-ocr", StringComparison.Ordinal) ? "-" : (wall / ours).ToString("0.00", CultureInfo.InvariantCulture) + "x");
        s.Note("engines parse and extract whole documents (pages in parallel, one per core); the peer renders and OCRs each page in turn and builds no tables.");
        s.Note("cpu: process CPU time including child processes (tesseract, pdftoppm); the fairer figure on a loaded machine. " +
               "peak: the highest working set of this process during the row (the tesseract processes' own memory is not in it).");
        s.Note("the PP-OCR models are loaded before the first row (the parse phase read the same files): the whole-process table below counts the load.");
        WholeProcess(report, scans, log);
    }

    /// <summary>Each scanned document as a user reads it: `jixiao extract FILE --json` in a process of its own.</summary>
    static void WholeProcess(BenchReport report, List<ParsedFile> scans, Action<string> log)
    {
        var s = report.Add("Scanned documents end to end: `jixiao extract FILE --json`, whole process (PP-OCR)",
            "file", "pages", "wall", "s/page wall", "cpu", "s/page cpu", "peak", "load at start", $"≤ {TargetSecondsPerPage.ToString("0", CultureInfo.InvariantCulture)} s/page wall, ≤ 1 GB");
        log($"ocr: {scans.Count} scanned files as whole `jixiao extract` processes");
        foreach (var f in scans.OrderBy(f => f.Pages).ThenBy(f => f.Path, StringComparer.Ordinal))
        {
            // The 1-minute load as the run starts: on a shared machine a slow row is read against it.
            var load = Figures.LoadAverage().Split(' ')[0];
            var run = SelfCommand.Run("extract", f.Path, "--json");
            double perPage = run.Wall.TotalSeconds / Math.Max(1, f.Pages);
            bool met = run.ExitCode == 0 && perPage <= TargetSecondsPerPage && run.PeakWorkingSet > 0 && run.PeakWorkingSet <= 1L << 30;
            s.Row(Path.GetFileName(f.Path), f.Pages.ToString(CultureInfo.InvariantCulture), Figures.Sec(run.Wall), PerPage(run.Wall, f.Pages),
                run.Cpu is { } c ? Figures.Sec(c) : "n/a", run.Cpu is { } pc ? PerPage(pc, f.Pages) : "n/a",
                run.PeakWorkingSet > 0 ? Figures.Mb(run.PeakWorkingSet) : "n/a", load,
                run.ExitCode != 0 ? $"no (exit {run.ExitCode})" : met ? "met" : "no");
        }
        s.Note("render (pdftoppm) + page clean-up + rules + PP-OCR + layout + extract + JSON, with the runtime's start and the model load; " +
               "the pages of a document are read in parallel, one per core, and the lines of a page on all cores.");
        s.Note($"{Environment.ProcessorCount} logical cores; on a loaded machine wall time is the queue for a core: read s/page cpu ÷ cores as the floor of s/page wall.");
    }

    static string PerPage(TimeSpan t, int pages) => (t.TotalSeconds / Math.Max(1, pages)).ToString("0.00", CultureInfo.InvariantCulture);

    static TimeSpan ParseAll(List<ParsedFile> scans, Func<IOcrEngine> engine, out TimeSpan? cpu, out long? peak)
    {
        var self0 = CpuTime.Self();
        var kids0 = CpuTime.Children();
        using var memory = new MemorySampler(TimeSpan.FromMilliseconds(100));
        var sw = Stopwatch.StartNew();
        foreach (var f in scans)
        {
            using var stream = File.OpenRead(f.Path);
            try { Extractor.Extract(new PdfParser(null, engine).Parse(stream, Path.GetFileName(f.Path), CancellationToken.None)); }
            catch (Exception e) when (e is not OutOfMemoryException) { Console.Error.WriteLine($"bench: ocr {Path.GetFileName(f.Path)}: {e.Message}"); }
        }
        var wall = sw.Elapsed;
        peak = MemorySampler.Summary(memory.Stop()).MaxWorkingSet;
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
