using System.Diagnostics;
using System.Runtime.InteropServices;
using Jixiao.Cli.Import;

namespace Jixiao.Cli.Bench;

/// <summary>What `jixiao bench` was asked to measure.</summary>
internal sealed class BenchSettings
{
    public required string Dir { get; init; }
    /// <summary>Copies of the corpus for the import benchmark; null: enough copies to reach <see cref="MinDocs"/>.</summary>
    public int? Replicate { get; init; }
    public int MinDocs { get; init; } = 2000;
    public IReadOnlyList<int> Cores { get; init; } = new[] { 1, Environment.ProcessorCount }.Distinct().ToArray();
    public bool PerFormatImport { get; init; } = true;
    /// <summary>Also run `jixiao import` on the replicated corpus as a child process (whole process: start-up, walk, import, exit).</summary>
    public bool WholeProcessImport { get; init; }
    public bool VsSoffice { get; init; }
    public bool VsPdftotext { get; init; }
    /// <summary>Time scanned pages with PP-OCR, the former tesseract engine and pdftoppm + tesseract.</summary>
    public bool VsTesseract { get; init; }
    public int SearchIndicators { get; init; } = 100_000;
    public int SearchRuns { get; init; } = 20;
    /// <summary>Keep the search archive here (and reuse it when it already holds enough indicators); null: a scratch file.</summary>
    public string? SearchDb { get; init; }
    /// <summary>Rounds of the parse phase; the last one is reported (the first ones warm the JIT).</summary>
    public int ParseRounds { get; init; } = 3;
    /// <summary>A PostgreSQL database for the PostgreSQL phases (search at scale, import with several processes); null: skipped.</summary>
    public string? Postgres { get; init; }
    public int PgSearchIndicators { get; init; } = 1_000_000;
    public IReadOnlyList<int> PgProcesses { get; init; } = new[] { 1, 2, 4 };
    /// <summary>Keep the PostgreSQL search schema after the run and reuse it when it holds enough indicators.</summary>
    public bool PgKeep { get; init; }
    /// <summary>The file whose one-file `extract` times start-up; null: the smallest text file of the corpus (none: skipped).</summary>
    public string? StartupFile { get; init; }
    /// <summary>Runs of the start-up timing (a child `jixiao` process each); 0: skipped (in-process callers such as tests).</summary>
    public int StartupRuns { get; init; }
    /// <summary>Only these formats (as the parse phase names them) are replicated for the import runs; null: all.</summary>
    public IReadOnlySet<string>? ImportFormats { get; init; }
    /// <summary>Only files under these folders (inside the corpus) are replicated for the import runs; null: all.</summary>
    public IReadOnlyList<string>? ImportFrom { get; init; }
}

/// <summary>
/// Runs the benchmark phases in order (parse, import scaling, per-format import, peers, search) in a scratch
/// folder that is deleted afterwards, and collects the figures into a <see cref="BenchReport"/>.
/// </summary>
internal static class BenchRunner
{
    public static BenchReport Run(BenchSettings settings, Action<string> log, CancellationToken cancel = default)
    {
        var report = new BenchReport();
        var env = report.Add("Machine");
        env.Note($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, " +
                 $"{Environment.ProcessorCount} logical cores, load average at start {Figures.LoadAverage()}");
        var total = Stopwatch.StartNew();
        var files = FileWalker.Expand(new[] { settings.Dir }).Files;
        if (files.Count == 0) throw new InvalidOperationException($"no files under {settings.Dir}");
        var scratch = Path.Combine(Path.GetTempPath(), "jixiao-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(scratch);
        try
        {
            log($"parse: {files.Count} files, one thread, {settings.ParseRounds} round(s)");
            var parsed = ParseBench.Run(files, log, cancel, settings.ParseRounds);

            bool import = settings.Cores.Count > 0 || settings.PerFormatImport;
            var importFiles = ImportFiles(settings, parsed);
            if (import && importFiles.Count == 0) throw new InvalidOperationException("no corpus files match --import-formats / --import-from");
            int copies = import ? Math.Max(1, settings.Replicate ?? (int)Math.Ceiling(settings.MinDocs / (double)importFiles.Count)) : 0;
            if (import) log($"replicate: {copies} copies of {importFiles.Count} files");
            var replicas = import ? Replicator.Run(importFiles, Path.GetFullPath(settings.Dir), copies, Path.Combine(scratch, "corpus")) : new();
            var pagesOf = parsed.ToDictionary(p => p.Path, p => p.Pages);
            var formatOf = parsed.ToDictionary(p => p.Path, p => p.Format);

            var scaling = new List<ImportBench.Run>();
            foreach (var c in settings.Cores)
            {
                log($"import: {replicas.Count} docs, {c} worker(s)");
                scaling.Add(ImportBench.Once("all", replicas, pagesOf, c, scratch, cancel));
            }
            var wholeProcess = new List<ImportBench.ProcessRun>();
            if (settings.WholeProcessImport && replicas.Count > 0)
                foreach (var c in settings.Cores)
                {
                    log($"import as a command: jixiao import ({replicas.Count} docs, --workers {c})");
                    wholeProcess.Add(ImportBench.AsCommand(Path.Combine(scratch, "corpus"), replicas.Count, c, scratch));
                }
            var perFormat = new Dictionary<string, ImportBench.Run>();
            if (settings.PerFormatImport)
            {
                int workers = settings.Cores.Count > 0 ? settings.Cores.Max() : Environment.ProcessorCount;
                foreach (var g in replicas.GroupBy(r => formatOf.GetValueOrDefault(r.Original, "unknown")))
                {
                    log($"import {g.Key}: {g.Count()} docs, {workers} worker(s)");
                    perFormat[g.Key] = ImportBench.Once(g.Key, g.ToList(), pagesOf, workers, scratch, cancel);
                }
            }

            ParseBench.Report(report, parsed, perFormat);
            ImportBench.ReportScaling(report, scaling);
            ImportBench.ReportCommand(report, wholeProcess, scaling);
            if (import) ReportReplication(report, importFiles, replicas, copies);
            if (settings.StartupRuns > 0 && (settings.StartupFile ?? SmallestText(parsed)) is { } startup) StartupBench.Run(report, startup, settings.StartupRuns, log);
            if (settings.VsSoffice) PeerBench.Soffice(report, parsed, scratch, log);
            if (settings.VsPdftotext) PeerBench.Pdftotext(report, parsed, scratch, log);
            if (settings.VsTesseract) OcrBench.Run(report, parsed, scratch, log);
            if (settings.SearchIndicators > 0) SearchBench.Run(report, parsed, settings.SearchIndicators, settings.SearchRuns, scratch, log, settings.SearchDb);
            if (settings.Postgres is { } pg)
            {
                if (settings.PgSearchIndicators > 0) PgBench.Search(report, parsed, settings.PgSearchIndicators, settings.SearchRuns, pg, log, settings.PgKeep);
                if (replicas.Count > 0 && settings.PgProcesses.Count > 0)
                    PgBench.Import(report, Path.Combine(scratch, "corpus"), replicas.Count, pg, settings.PgProcesses, log);
            }
        }
        finally
        {
            try { Directory.Delete(scratch, recursive: true); } catch (IOException) { }
        }
        env.Note($"load average at end {Figures.LoadAverage()}; whole bench {Figures.Sec(total.Elapsed)}; " +
                 $"process peak working set {Figures.Mb(Process.GetCurrentProcess().PeakWorkingSet64)}");
        return report;
    }

    /// <summary>The corpus files the import runs replicate: all, or those of --import-formats under --import-from.</summary>
    static IReadOnlyList<string> ImportFiles(BenchSettings settings, IReadOnlyList<ParsedFile> parsed)
    {
        if (settings.ImportFormats is null && settings.ImportFrom is null) return parsed.Select(p => p.Path).ToList();
        var under = settings.ImportFrom?.Select(d => Path.GetFullPath(d).TrimEnd('/') + "/").ToList();
        return parsed.Where(p => settings.ImportFormats?.Contains(p.Format) ?? true)
            .Where(p => under is null || under.Any(u => Path.GetFullPath(p.Path).StartsWith(u, StringComparison.Ordinal)))
            .Select(p => p.Path).ToList();
    }

    /// <summary>The start-up file: the smallest text file of the corpus that holds a 绩效表 (a seed, in corpus/).</summary>
    static string? SmallestText(IReadOnlyList<ParsedFile> parsed) =>
        parsed.Where(p => p.Ok && p.Format == "text" && p.Indicators > 0).OrderBy(p => new FileInfo(p.Path).Length).Select(p => p.Path).FirstOrDefault();

    static void ReportReplication(BenchReport report, IReadOnlyList<string> files, IReadOnlyList<Replicator.Copy> replicas, int copies)
    {
        var s = report.Add("Replication");
        int distinctFiles = files.Count(Replicator.CanMakeDistinct);
        s.Note($"{files.Count} corpus files x {copies} copies = {replicas.Count} documents for the import runs.");
        s.Note($"{distinctFiles} text and .docx files (txt/md/csv/html/mht/docx) get a unique trailer per copy (extra trailing newlines, an HTML comment, " +
               "or an XML comment after document.xml's root): a new content hash each, so every copy is parsed, extracted and stored in full.");
        s.Note($"{files.Count - distinctFiles} other binary files (doc/pdf/xls/xlsx/rtf) are byte-identical copies: each copy is still hashed, " +
               "parsed and extracted (the importer skips by path, not by hash), but the store records copies 2..N as duplicates " +
               "of the first without writing their forms again, so their import figure has a smaller write share than a truly new document.");
    }
}
