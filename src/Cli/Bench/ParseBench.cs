using System.Diagnostics;
using Jixiao.Extract;
using Jixiao.Ingest;

namespace Jixiao.Cli.Bench;

/// <summary>One corpus file read (and extracted) on one thread, with its own timings.</summary>
internal sealed record ParsedFile(string Path, string Format, bool Ok, int Pages, TimeSpan Parse, TimeSpan Extract, int Indicators, ExtractedDocument? Extracted)
{
    /// <summary>Process CPU time spent during the parse (the parse thread plus any GC/JIT work meanwhile).</summary>
    public TimeSpan ParseCpu { get; init; }

    /// <summary>Some page of it was read by OCR (a scanned PDF): not what pdftotext is compared on.</summary>
    public bool Ocr { get; init; }
}

/// <summary>
/// Parse-only and parse+extract speed, single-threaded, file by file: DocumentReader.Read then Extractor.Extract,
/// each timed on its own. One untimed warm-up file per extension first, so JIT time is not charged to a format.
/// </summary>
internal static class ParseBench
{
    /// <summary>
    /// Reads and extracts every file <paramref name="rounds"/> times and keeps the last round: with only a few files per
    /// format, the first round mostly measures the JIT compiling that format's code, not the steady state an import sees.
    /// </summary>
    public static List<ParsedFile> Run(IReadOnlyList<string> files, Action<string> log, CancellationToken cancel, int rounds = 1)
    {
        List<ParsedFile> last = new();
        for (int round = 1; round <= Math.Max(1, rounds) && !cancel.IsCancellationRequested; round++)
        {
            if (rounds > 1) log($"parse round {round} of {rounds}");
            last = RunOnce(files, round == rounds ? log : _ => { }, cancel);
        }
        return last;
    }

    static List<ParsedFile> RunOnce(IReadOnlyList<string> files, Action<string> log, CancellationToken cancel)
    {
        foreach (var first in files.GroupBy(f => System.IO.Path.GetExtension(f).ToLowerInvariant()).Select(g => g.First()))
        {
            var warm = DocumentReader.Read(first, null, cancel);
            if (warm.Ok) TryExtract(warm.Document!);
        }
        var result = new List<ParsedFile>(files.Count);
        foreach (var f in files)
        {
            if (cancel.IsCancellationRequested) break;
            var cpu0 = CpuTime.Self();
            var sw = Stopwatch.StartNew();
            var read = DocumentReader.Read(f, null, cancel);
            var parse = sw.Elapsed;
            var parseCpu = CpuTime.Self() - cpu0;
            if (!read.Ok)
            {
                result.Add(new ParsedFile(f, read.Format, false, 0, parse, TimeSpan.Zero, 0, null) { ParseCpu = parseCpu });
                continue;
            }
            sw.Restart();
            var extracted = TryExtract(read.Document!);
            var extract = sw.Elapsed;
            int indicators = extracted?.Forms.Sum(x => x.Indicators.Count) ?? 0;
            result.Add(new ParsedFile(f, read.Document!.Format, true, read.Document.PageCount, parse, extract, indicators, extracted)
                { ParseCpu = parseCpu, Ocr = read.Document.OcrConfidence is not null });
            if (parse.TotalSeconds > 5) log($"slow parse: {System.IO.Path.GetFileName(f)} {parse.TotalSeconds:0.0} s");
        }
        return result;
    }

    static ExtractedDocument? TryExtract(SourceDocument doc)
    {
        try { return Extractor.Extract(doc); }
        catch (Exception e) when (e is not OperationCanceledException) { return null; }
    }

    public static void Report(BenchReport report, IReadOnlyList<ParsedFile> parsed, IReadOnlyDictionary<string, ImportBench.Run> importByFormat)
    {
        var s = report.Add("Speed per format (1 thread for parse / parse+extract; import uses all --cores)",
            "format", "files", "failed", "pages", "parse docs/s", "parse docs/cpu-s", "parse pages/s", "+extract docs/s", "+extract pages/s",
            "import docs/s", "import pages/s", "import docs");
        foreach (var g in parsed.GroupBy(p => p.Format).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var parse = Sum(g.Select(p => p.Parse));
            var both = parse + Sum(g.Select(p => p.Extract));
            int n = g.Count(), pages = g.Sum(p => p.Pages);
            importByFormat.TryGetValue(g.Key, out var imp);
            s.Row(g.Key, n.ToString(), g.Count(p => !p.Ok).ToString(), pages.ToString(),
                Figures.Rate(n, parse), Figures.Rate(n, Sum(g.Select(p => p.ParseCpu))), Figures.Rate(pages, parse), Figures.Rate(n, both), Figures.Rate(pages, both),
                imp is null ? "-" : Figures.Rate(imp.Files, imp.Elapsed), imp is null ? "-" : Figures.Rate(imp.Pages, imp.Elapsed),
                imp is null ? "-" : imp.Files.ToString());
        }
        var all = Sum(parsed.Select(p => p.Parse));
        var allBoth = all + Sum(parsed.Select(p => p.Extract));
        s.Row("all", parsed.Count.ToString(), parsed.Count(p => !p.Ok).ToString(), parsed.Sum(p => p.Pages).ToString(),
            Figures.Rate(parsed.Count, all), Figures.Rate(parsed.Count, Sum(parsed.Select(p => p.ParseCpu))), Figures.Rate(parsed.Sum(p => p.Pages), all),
            Figures.Rate(parsed.Count, allBoth), Figures.Rate(parsed.Sum(p => p.Pages), allBoth), "-", "-", "-");
        s.Note("parse and +extract columns: the last of the parse rounds (--parse-rounds), so warm code is measured as in a long import.");
        s.Note("parse docs/cpu-s: documents per second of the process's CPU time during the parses (what a core does when it is not shared; wall time on a loaded machine mostly measures the queue for a core).");
        s.Note("files that fail to read count in docs/s (their time was spent); pages count only documents that were read.");
        s.Note("pdf includes OCR (PP-OCR, in-process) for scanned pages when the PDF reader finds no text layer.");
        var slowest = parsed.OrderByDescending(p => p.Parse + p.Extract).Take(3)
            .Select(p => $"{System.IO.Path.GetFileName(p.Path)} {(p.Parse + p.Extract).TotalMilliseconds:0} ms");
        s.Note("slowest files: " + string.Join(", ", slowest));
    }

    public static TimeSpan Sum(IEnumerable<TimeSpan> ts) => ts.Aggregate(TimeSpan.Zero, (a, b) => a + b);
}
