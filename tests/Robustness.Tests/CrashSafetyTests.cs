using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Jixiao.Store;
using Jixiao.Tests;
using Xunit.Abstractions;

namespace Jixiao.Robustness.Tests;

/// <summary>
/// SIGKILLs a real `jixiao import` at seeded random points, restarts it, and checks nothing is lost or doubled;
/// and runs `search` while an import writes.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    /// <summary>~200 files: unique text forms (each a different project) and docx copies (stored as duplicates).</summary>
    static List<string> MakeFolder(string dir, int texts = 160, int docx = 40)
    {
        var files = new List<string>();
        var text = File.ReadAllText(Corpus.File("synthetic", "dept_target_01.txt"));
        var docxBytes = File.ReadAllBytes(Corpus.File("synthetic", "proj_self_01.docx"));
        for (int i = 0; i < texts; i++)
        {
            var p = Path.Combine(dir, $"t{i / 50}", $"文本 {i:000}.txt");
            Directory.CreateDirectory(Path.GetDirectoryName(p)!);
            File.WriteAllText(p, text + $"\n备注：副本 {i}\n", new UTF8Encoding(false));
            files.Add(p);
        }
        for (int i = 0; i < docx; i++)
        {
            var p = Path.Combine(dir, "docx", $"表 {i:000}.docx");
            Directory.CreateDirectory(Path.GetDirectoryName(p)!);
            File.WriteAllBytes(p, docxBytes);
            files.Add(p);
        }
        return files;
    }

    // Small transactions: many commits in a run, so a kill lands between and inside them, not after the last.
    static string[] ImportArgs(string dir, string db) => ["import", dir, "--db", db, "--workers", "2", "--timeout", "30", "--batch", "10"];

    [Fact]
    public void Import_killed_at_random_points_resumes_without_losing_or_doubling_anything()
    {
        using var tmp = new TempDir();
        var dir = tmp.Sub("files");
        var files = MakeFolder(dir);

        // Reference: the same folder imported without interruption.
        var refDb = Path.Combine(tmp.Path, "reference.db");
        var sw = Stopwatch.StartNew();
        var first = JixiaoProcess.Run(TimeSpan.FromMinutes(3), ImportArgs(dir, refDb));
        var full = sw.Elapsed;
        Assert.Equal(0, first.ExitCode);
        ArchiveCounts reference;
        using (var a = Archive.OpenExisting(refDb)!) reference = a.Counts();
        output.WriteLine($"reference import: {full.TotalSeconds:0.0} s, {reference}");
        Assert.True(reference.Indicators > 0);

        var rng = new Random(int.TryParse(Environment.GetEnvironmentVariable("KILL_SEED"), out var s) ? s : 20261125);
        int kills = 4 + rng.Next(2), survived = 0, killed = 0;
        // Seeded kill points: "after at least N documents are stored, plus 0-150 ms", N rising through the run.
        // The import commits every 10 files (--batch 10), so N below the last 70 files always leaves a run to
        // kill. The test reads the archive while the import writes, the way a concurrent `search` does.
        var targets = Enumerable.Range(0, kills).Select(_ => rng.Next(1, files.Count - 70)).Order().ToList();
        foreach (var target in targets)
        {
            using var p = Process.Start(JixiaoProcess.StartInfo(ImportArgs(dir, tmp.Db)))!;
            var pout = p.StandardOutput.ReadToEndAsync();
            var perr = p.StandardError.ReadToEndAsync();
            int stored = 0;
            while (!p.HasExited && stored < target)
            {
                Thread.Sleep(20);
                stored = StoredCount(tmp.Db);
            }
            Thread.Sleep(rng.Next(150));
            bool exited = p.HasExited;
            if (!exited) p.Kill(); // SIGKILL: no finally blocks, no dispose, no lock-file clean-up
            p.WaitForExit();
            if (!exited && stored < files.Count) killed++;
            output.WriteLine($"kill point {survived + 1}: target {target}, {stored} stored when killed{(exited ? " (had already finished)" : "")}");
            if (exited) output.WriteLine($"  exit {p.ExitCode}: {pout.Result} {perr.Result}");

            // After each kill: the archive opens, is consistent, and holds each stored file once.
            using (var a = Archive.OpenExisting(tmp.Db)!)
            {
                var docs = a.AllDocuments();
                Assert.Equal(docs.Count, docs.Select(d => d.Path).Distinct().Count());
                var v = a.Verify(checkFiles: false);
                Assert.True(v.Ok, string.Join("\n", v.Problems));
            }
            survived++;
        }

        var final = JixiaoProcess.Run(TimeSpan.FromMinutes(3), ImportArgs(dir, tmp.Db));
        output.WriteLine(final.Out);
        Assert.Equal(0, final.ExitCode);
        using (var a = Archive.OpenExisting(tmp.Db)!)
        {
            var docs = a.AllDocuments();
            Assert.Equal(files.Select(Path.GetFullPath).Order(StringComparer.Ordinal), docs.Select(d => d.Path).Order(StringComparer.Ordinal));
            var counts = a.Counts();
            int lost = reference.Indicators - counts.Indicators;
            output.WriteLine($"kill points survived: {survived}/{kills} ({killed} killed mid-import); facts lost: {lost}; counts {counts}");
            Assert.Equal(reference.Documents, counts.Documents);
            Assert.Equal(reference.Forms, counts.Forms);
            Assert.Equal(reference.Indicators, counts.Indicators);
            Assert.Equal(reference.BudgetFacts, counts.BudgetFacts);
        }
        var verify = JixiaoProcess.Run(TimeSpan.FromMinutes(2), "verify", "--db", tmp.Db);
        Assert.True(verify.ExitCode == 0, verify.Out + verify.Err);
        Assert.Contains("ok", verify.Out);
        Assert.Equal(kills, survived);
        Assert.True(killed >= 3, $"only {killed} of {kills} kills landed mid-import");
        RobustnessSummary.Record("kill points survived", survived, $"{killed} SIGKILLs landed mid-import, archive consistent after each");
        using (var a = Archive.OpenExisting(tmp.Db)!)
        {
            var c = a.Counts();
            RobustnessSummary.Record("facts lost", reference.Indicators + reference.BudgetFacts - c.Indicators - c.BudgetFacts,
                $"indicators + budget facts after the kills and a re-run vs. an uninterrupted import of the same {files.Count} files: {c.Indicators + c.BudgetFacts} of {reference.Indicators + reference.BudgetFacts}");
        }
    }

    /// <summary>Documents stored so far, read the way `search` reads while an import writes.</summary>
    static int StoredCount(string db)
    {
        if (!File.Exists(db)) return 0;
        try
        {
            using var a = Archive.OpenExisting(db)!;
            return a.Counts().Documents;
        }
        catch (Exception e) when (e is IOException or LiteDB.LiteException)
        {
            return 0;
        }
    }

    [Fact]
    public void Search_during_an_import_is_consistent_and_only_grows()
    {
        using var tmp = new TempDir();
        var dir = tmp.Sub("files");
        MakeFolder(dir, texts: 200, docx: 0);
        using var p = Process.Start(JixiaoProcess.StartInfo(ImportArgs(dir, tmp.Db)))!;
        var outTask = p.StandardOutput.ReadToEndAsync();
        var errTask = p.StandardError.ReadToEndAsync();
        int last = 0, searches = 0, growth = 0;
        var until = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (!p.HasExited && DateTime.UtcNow < until)
        {
            if (!File.Exists(tmp.Db)) { Thread.Sleep(100); continue; }
            var r = JixiaoProcess.Run(TimeSpan.FromMinutes(1), "search", "--db", tmp.Db, "--json", "--limit", "100000");
            Assert.False(r.Err.Contains("Unhandled") || r.Err.Contains("Exception"), r.Err);
            if (r.ExitCode != 0)
            {
                // The only acceptable refusal is a one-line "cannot open" while the writer holds the file.
                Assert.StartsWith("jixiao: cannot open archive", r.Err.Trim());
                continue;
            }
            searches++;
            int n = JsonDocument.Parse(r.Out).RootElement.GetArrayLength();
            Assert.True(n >= last, $"search count went down: {last} -> {n}");
            if (n > last) growth++;
            last = n;
        }
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(2)));
        Assert.True(p.ExitCode == 0, outTask.Result + errTask.Result);
        var end = JixiaoProcess.Run(TimeSpan.FromMinutes(1), "search", "--db", tmp.Db, "--json", "--limit", "100000");
        int total = JsonDocument.Parse(end.Out).RootElement.GetArrayLength();
        output.WriteLine($"{searches} searches during the import, counts grew {growth} times, final {total}");
        Assert.True(total >= last);
        Assert.True(searches > 0, "no search succeeded while the import ran");
    }
}
