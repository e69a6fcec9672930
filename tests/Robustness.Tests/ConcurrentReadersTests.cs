using System.Diagnostics;
using System.Text.Json;
using Jixiao.Tests;
using Xunit.Abstractions;

namespace Jixiao.Robustness.Tests;

/// <summary>
/// Issue 21, case 6 with real processes: while `jixiao import` writes (and, at its end, folds its log), readers
/// run `report --all`, `search`, `show` and `export` on the same LiteDB file, one after another until the import
/// has exited. None crashes, and each export is a consistent snapshot: every document it lists has all of its
/// indicators (the generated documents are one form with the same rows). The deterministic interleaving — a
/// reader open across the writer's close — is ConcurrentReaderTests in Store.Tests.
/// </summary>
public sealed class ConcurrentReadersTests(ITestOutputHelper output)
{
    const int Total = 70;

    [Fact]
    public void Readers_running_during_an_import_never_crash_and_read_whole_documents()
    {
        using var tmp = new TempDir();
        var first = tmp.Sub("first");
        var more = tmp.Sub("more");
        var template = File.ReadAllText(Corpus.File("synthetic", "dept_target_01.txt"));
        const string owner = "信阳市市场监督管理局";
        Assert.Contains(owner, template);
        for (int i = 0; i < Total; i++)
            File.WriteAllText(Path.Combine(i < 10 ? first : more, $"form{i:000}.txt"), template.Replace(owner, $"信阳市第{i}监督管理局"));
        var seed = JixiaoProcess.Run("import", first, "--db", tmp.Db);
        Assert.Equal(0, seed.ExitCode);
        int perDocument = Indicators(Export(tmp, "seed")).Values.Distinct().Single();

        using var import = Process.Start(JixiaoProcess.StartInfo("import", more, "--db", tmp.Db, "--workers", "2", "--batch", "5"))!;
        var importErr = import.StandardError.ReadToEndAsync();
        var importOut = import.StandardOutput.ReadToEndAsync();
        var readers = new List<(string What, JixiaoProcess.Result Result)>();
        var exports = new List<Dictionary<string, int>>();
        for (int round = 0; !import.HasExited || round == 0; round++)
        {
            var report = JixiaoProcess.Run("report", "--all", "--out", Path.Combine(tmp.Path, $"report{round}"), "--db", tmp.Db);
            readers.Add(("report --all", report));
            readers.Add(("search", JixiaoProcess.Run("search", "满意度", "--db", tmp.Db)));
            readers.Add(("show", JixiaoProcess.Run("show", Path.Combine(first, "form000.txt"), "--db", tmp.Db)));
            var export = Export(tmp, $"e{round}");
            readers.Add(("export", export.Result));
            exports.Add(Indicators(export));
        }
        import.WaitForExit();
        output.WriteLine(importOut.Result + importErr.Result);
        Assert.Equal(0, import.ExitCode);

        foreach (var (what, r) in readers)
        {
            output.WriteLine($"{what}: exit {r.ExitCode} {r.Err.Trim()}");
            Assert.True(r.ExitCode == 0, $"{what} failed during the import: {r.Err}");
            Assert.DoesNotContain("   at ", r.Err);
        }
        foreach (var e in exports)
        {
            Assert.InRange(e.Count, 10, Total);
            Assert.All(e, d => Assert.Equal(perDocument, d.Value)); // no document read half-written
        }
        output.WriteLine($"{readers.Count} reader runs; documents seen per export: {string.Join(", ", exports.Select(e => e.Count))}");
        Assert.Equal(Total, Indicators(Export(tmp, "final")).Count);
        Assert.Equal(0, JixiaoProcess.Run("verify", "--no-files", "--db", tmp.Db).ExitCode);
        RobustnessSummary.Record("readers (report --all, search, show, export) during an import", readers.Count, "no crash; every export a whole snapshot");
    }

    static (JixiaoProcess.Result Result, string File) Export(TempDir tmp, string name)
    {
        var file = Path.Combine(tmp.Path, name + ".jsonl");
        return (JixiaoProcess.Run("export", "--format", "jsonl", "--what", "indicators", "--out", file, "--db", tmp.Db), file);
    }

    /// <summary>Indicator rows per document path in an export.</summary>
    static Dictionary<string, int> Indicators((JixiaoProcess.Result Result, string File) export)
    {
        Assert.True(export.Result.ExitCode == 0, export.Result.Err);
        return File.ReadLines(export.File).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("path").GetString()!)
            .GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
    }
}
