using System.CommandLine;
using Jixiao.Cli.Bench;

namespace Jixiao.Cli.Commands;

/// <summary>
/// `jixiao bench DIR [--replicate N] [--cores 1,2] [--vs-soffice] [--vs-pdftotext] [--vs-tesseract] [--out results.md]`:
/// parse, extract, import and search speed on a corpus, with memory and peer tools in the same run.
/// </summary>
internal static class BenchCommand
{
    public static Command Build()
    {
        var dir = new Argument<string>("dir") { Description = "Corpus folder (read recursively; *.json skipped)" };
        var replicate = new Option<int?>("--replicate") { Description = "Copies of the corpus for the import runs (default: enough for --min-docs)" };
        var minDocs = new Option<int>("--min-docs") { Description = "Documents the import runs should reach when --replicate is not given", DefaultValueFactory = _ => 2000 };
        var cores = new Option<string?>("--cores") { Description = $"Import worker counts to compare, e.g. 1,2 (default 1,{Environment.ProcessorCount})" };
        var vsSoffice = new Option<bool>("--vs-soffice") { Description = "Also time LibreOffice converting the .doc files" };
        var vsPdftotext = new Option<bool>("--vs-pdftotext") { Description = "Also time pdftotext -layout on the PDF files" };
        var vsTesseract = new Option<bool>("--vs-tesseract") { Description = "Also time the scanned PDF pages: PP-OCR, the former tesseract engine, and pdftoppm + tesseract per page" };
        var noPerFormat = new Option<bool>("--no-per-format-import") { Description = "Skip the per-format import runs" };
        var noImport = new Option<bool>("--no-import") { Description = "Skip all import runs (parse, peers and search only)" };
        var searchSize = new Option<int>("--search-indicators") { Description = "Indicators in the search archive (0: no search benchmark)", DefaultValueFactory = _ => 100_000 };
        var searchRuns = new Option<int>("--search-runs") { Description = "Timed runs per search query", DefaultValueFactory = _ => 20 };
        var searchDb = new Option<string?>("--search-db") { Description = "Keep the search archive at this path (reused when it already holds enough indicators)" };
        var parseRounds = new Option<int>("--parse-rounds") { Description = "Rounds of the single-thread parse phase; the last is reported", DefaultValueFactory = _ => 3 };
        var output = new Option<string?>("--out") { Description = "Also write the results as Markdown to this file" };
        var pg = new Option<string?>("--pg") { Description = "PostgreSQL database (postgres://… or key=value) for the PostgreSQL phases: search over --pg-search-indicators, import with --pg-processes (work in schemas jixiao_bench_*, dropped after)" };
        var pgSearch = new Option<int>("--pg-search-indicators") { Description = "Indicators in the PostgreSQL search archive (0: no PostgreSQL search phase)", DefaultValueFactory = _ => 1_000_000 };
        var pgProcesses = new Option<string>("--pg-processes") { Description = "Importer process counts for the PostgreSQL import phase", DefaultValueFactory = _ => "1,2,4" };
        var pgKeep = new Option<bool>("--pg-keep") { Description = "Keep the PostgreSQL search archive (schema jixiao_bench_search) and reuse it when it already holds enough indicators" };
        var startup = new Option<string?>("--startup") { Description = "File whose one-file `extract --json` times start-up, whole process (default: the corpus's smallest text file)" };
        var startupRuns = new Option<int>("--startup-runs") { Description = "Runs of the start-up timing (0: skip it)", DefaultValueFactory = _ => 9 };
        var importFormats = new Option<string?>("--import-formats") { Description = "Replicate only these formats for the import runs, e.g. text,docx (default: all)" };
        var importFrom = new Option<string?>("--import-from") { Description = "Replicate only the files under these folders for the import runs, e.g. corpus/seeds,corpus/synthetic (default: the whole corpus)" };
        var cmd = new Command("bench", "Measure parse, extract, import and search speed on a corpus")
        { dir, replicate, minDocs, cores, vsSoffice, vsPdftotext, vsTesseract, noPerFormat, noImport, searchSize, searchRuns, searchDb, parseRounds, output, pg, pgSearch, pgProcesses, pgKeep, startup, startupRuns, importFormats, importFrom };
        cmd.SetAction(pr =>
        {
            var path = pr.GetValue(dir)!;
            if (!Directory.Exists(path)) return Usage($"no folder {path}");
            if (!TryCores(pr.GetValue(cores), out var workerCounts)) return Usage($"--cores: expected numbers like 1,2, got '{pr.GetValue(cores)}'");
            if (pr.GetValue(replicate) is < 1) return Usage("--replicate: expected 1 or more");
            if (!TryCores(pr.GetValue(pgProcesses), out var pgCounts)) return Usage($"--pg-processes: expected numbers like 1,2,4, got '{pr.GetValue(pgProcesses)}'");
            var settings = new BenchSettings
            {
                Dir = path, Replicate = pr.GetValue(replicate), MinDocs = pr.GetValue(minDocs), PerFormatImport = !pr.GetValue(noPerFormat) && !pr.GetValue(noImport),
                VsSoffice = pr.GetValue(vsSoffice), VsPdftotext = pr.GetValue(vsPdftotext), VsTesseract = pr.GetValue(vsTesseract),
                SearchIndicators = Math.Max(0, pr.GetValue(searchSize)), SearchRuns = Math.Max(1, pr.GetValue(searchRuns)), SearchDb = pr.GetValue(searchDb), ParseRounds = Math.Max(1, pr.GetValue(parseRounds)),
                Cores = pr.GetValue(noImport) ? Array.Empty<int>() : workerCounts ?? new BenchSettings { Dir = path }.Cores,
                WholeProcessImport = !pr.GetValue(noImport),
                Postgres = pr.GetValue(pg), PgSearchIndicators = Math.Max(0, pr.GetValue(pgSearch)), PgKeep = pr.GetValue(pgKeep),
                PgProcesses = pr.GetValue(noImport) ? Array.Empty<int>() : pgCounts ?? new[] { 1, 2, 4 },
                StartupFile = pr.GetValue(startup), StartupRuns = Math.Max(0, pr.GetValue(startupRuns)),
                ImportFormats = pr.GetValue(importFormats) is { Length: > 0 } f
                    ? f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase) : null,
                ImportFrom = pr.GetValue(importFrom) is { Length: > 0 } from ? from.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null,
            };
            var report = BenchRunner.Run(settings, m => Console.Error.WriteLine("bench: " + m));
            report.WriteText(Console.Out);
            if (pr.GetValue(output) is { Length: > 0 } md)
            {
                using var w = new StreamWriter(md);
                report.WriteMarkdown(w, $"jixiao bench {Path.GetFileName(Path.GetFullPath(path).TrimEnd('/'))}");
            }
            return 0;
        });
        return cmd;
    }

    internal static bool TryCores(string? s, out int[]? counts)
    {
        counts = null;
        if (string.IsNullOrWhiteSpace(s)) return true;
        var list = new List<int>();
        foreach (var part in s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, out var n) || n < 1) return false;
            list.Add(n);
        }
        counts = list.Distinct().ToArray();
        return counts.Length > 0;
    }

    static int Usage(string message)
    {
        Console.Error.WriteLine("jixiao bench: " + message);
        return 2;
    }
}
