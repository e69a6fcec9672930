using System.Diagnostics;
using Jixiao.Extract;
using Jixiao.Store;

namespace Jixiao.Cli.Bench;

/// <summary>
/// Search latency on a large archive: the forms extracted in the parse phase are written again and again
/// through <see cref="Archive.Write"/> (each copy with its own path, hash, year and department) until the
/// archive holds the wanted number of indicators; then typical queries are timed in-process.
/// </summary>
internal static class SearchBench
{
    const int Years = 12, Departments = 40;

    public static void Run(BenchReport report, IReadOnlyList<ParsedFile> parsed, int wantIndicators, int runs, string scratch,
        Action<string> log, string? keep = null)
    {
        var s = report.Add($"Search latency (in-process Archive.Search, {runs} runs per query after 1 warm-up)",
            "query", "hits", "median ms", "p95 ms", "min ms", "max ms", "cpu median ms");
        var sources = parsed.Where(p => p.Extracted is { } e && e.Forms.Any(f => f.Indicators.Count > 0)).Select(p => p.Extracted!).ToList();
        if (sources.Count == 0) { s.Note("no extracted indicators in the corpus: skipped"); return; }
        var db = keep is null ? Path.Combine(scratch, "search.db") : Path.GetFullPath(keep);
        using var archive = Archive.Open(db);
        var (written, elapsed) = archive.Counts().Indicators >= wantIndicators
            ? (archive.Counts().Documents, TimeSpan.Zero)
            : Fill(archive, sources, wantIndicators, scratch, log);
        var counts = archive.Counts();
        long bytes = new FileInfo(db).Length + (File.Exists(db.Replace(".db", "-log.db")) ? new FileInfo(db.Replace(".db", "-log.db")).Length : 0);
        var how = elapsed == TimeSpan.Zero
            ? $"reused from {db} (written earlier by this phase)"
            : $"built from {sources.Count} extracted documents copied {written} times via Archive.Write in {Figures.Sec(elapsed)} " +
              $"({Figures.Rate(counts.Indicators, elapsed)} indicators/s written)";
        s.Note($"archive: {counts.Indicators} indicators, {counts.Forms} forms, {counts.Documents} documents, {Figures.Mb(bytes)}; {how}");

        Time(s, archive, Queries(archive, sources), runs, log);
        s.Note("`jixiao search` from a shell adds process start (~0.1-0.3 s) and archive open to these figures.");
    }

    /// <summary>The typical queries, with a name and a department taken from the archive so they surely have hits.</summary>
    internal static List<(string Label, SearchQuery Q)> Queries(IArchiveReader archive, List<ExtractedDocument> sources)
    {
        var name = MostCommonName(sources);
        // A department as stored (with its copy number), taken from a hit so it surely has indicators; the base
        // name (without the number) selects every copy of that department.
        var slice = archive.Search(new SearchQuery { Text = name, Limit = 500 }).Hits.Select(h => h.Department)
            .FirstOrDefault(d => !string.IsNullOrEmpty(d)) ?? "部门 7";
        var dept = slice.Contains(' ') ? slice[..slice.LastIndexOf(' ')] : slice;
        return new List<(string Label, SearchQuery Q)>
        {
            ($"substring '{name}'", new SearchQuery { Text = name, Limit = 50 }),
            ("year range 2019..2021", new SearchQuery { YearFrom = 2019, YearTo = 2021, Limit = 50 }),
            ($"dept filter '{slice}'", new SearchQuery { Department = slice, Limit = 50 }),
            ($"'{name}' + 2019..2021 + dept '{dept}'", new SearchQuery { Text = name, YearFrom = 2019, YearTo = 2021, Department = dept, Limit = 50 }),
            ($"typo (fuzzy pass) '{Typo(name)}'", new SearchQuery { Text = Typo(name), Limit = 50 }),
            // What users type most: a short word found in many names (three characters, and two: below a trigram).
            ("substring '满意度'", new SearchQuery { Text = "满意度", Limit = 50 }),
            ("2 characters '满意'", new SearchQuery { Text = "满意", Limit = 50 }),
        };
    }

    /// <summary>Times each query (one warm-up, then <paramref name="runs"/> runs) into a row of <paramref name="s"/>.</summary>
    internal static void Time(BenchSection s, IArchiveReader archive, List<(string Label, SearchQuery Q)> queries, int runs, Action<string> log)
    {
        foreach (var (label, q) in queries)
        {
            var first = archive.Search(q);
            var times = new List<double>(runs);
            var cpu = new List<double>(runs);
            for (int i = 0; i < runs; i++)
            {
                var c0 = CpuTime.Self();
                var sw = Stopwatch.StartNew();
                archive.Search(q);
                times.Add(sw.Elapsed.TotalMilliseconds);
                cpu.Add((CpuTime.Self() - c0).TotalMilliseconds);
            }
            times.Sort();
            cpu.Sort();
            s.Row(label, first.TotalAtLeast ? $"> {first.Total}" : first.Total.ToString(), Figures.Ms(Figures.Percentile(times, 50)), Figures.Ms(Figures.Percentile(times, 95)),
                Figures.Ms(times[0]), Figures.Ms(times[^1]), Figures.Ms(Figures.Percentile(cpu, 50)));
            log($"search: {label}: median {Figures.Percentile(times, 50):0.0} ms");
        }
    }

    static (int Copies, TimeSpan Elapsed) Fill(Archive archive, List<ExtractedDocument> sources, int want, string scratch, Action<string> log)
    {
        var json = sources.Select(CanonicalJson.Serialize).ToList();
        var sw = Stopwatch.StartNew();
        int indicators = 0, copy = 0;
        var batch = new List<ImportItem>(50);
        while (indicators < want)
        {
            var doc = CanonicalJson.Deserialize(json[copy % json.Count]);
            foreach (var f in doc.Forms)
            {
                // Spread copies over years and departments so range and department filters select a slice.
                f.Year = 2015 + copy % Years;
                f.Department = (f.Department ?? "部门") + " " + copy % Departments;
                indicators += f.Indicators.Count;
            }
            batch.Add(new ImportItem
            {
                Path = Path.Combine(scratch, "search-src", $"c{copy:000000}", doc.File), Hash = $"bench{copy:x8}",
                Format = doc.Format, PageCount = 1, Extracted = doc,
            });
            copy++;
            if (batch.Count == 50) { archive.Write(batch); batch.Clear(); }
            if (copy % 500 == 0) log($"search archive: {indicators} indicators");
        }
        archive.Write(batch);
        return (copy, sw.Elapsed);
    }

    static string MostCommonName(List<ExtractedDocument> docs) =>
        docs.SelectMany(d => d.Forms).SelectMany(f => f.Indicators).Select(i => i.Level3).Where(n => n is { Length: >= 2 } && n.All(char.IsLetterOrDigit))
            .GroupBy(n => n!).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key.Length > 6 ? g.Key[..6] : g.Key).FirstOrDefault() ?? "满意度";

    /// <summary>The name with two characters swapped: no name contains it, so search falls back to fuzzy scoring.</summary>
    static string Typo(string s) => s.Length < 3 ? s + "X" : s[..^2] + s[^1] + s[^2];
}
