using System.Diagnostics;
using System.Text.Json.Nodes;
using Jixiao.Tests;
using Npgsql;

namespace Jixiao.Cli.Tests.Scale;

/// <summary>
/// The scale-out claim, proved with real parts: four `jixiao import` processes share one folder of 500+
/// documents through one PostgreSQL archive; two are SIGKILLed mid-import at seeded random points; the
/// others finish, taking over the killed importers' files when their leases run out. Every file is then
/// stored (and logged) exactly once, the facts equal a single LiteDB import of the same folder (sorted
/// exports compared), and `jixiao verify` finds nothing wrong.
/// </summary>
[Collection(PgCollection.Name)]
public sealed class SharedImportProofTests(PgCluster cluster) : IDisposable
{
    readonly TempDir _t = new();

    public void Dispose() => _t.Dispose();

    [Fact]
    public void FourImporters_TwoKilled_EveryFileStoredOnce_FactsEqualALiteDbImport()
    {
        var input = _t.Sub("in");
        int files = ProofCorpus.Make(input, textCopies: 110, docxCopies: 2, identicalCopies: 20);
        Assert.True(files >= 500, $"only {files} documents generated");
        var db = cluster.NewDatabase();

        var random = new Random(18);
        var victims = Enumerable.Range(0, 4).OrderBy(_ => random.Next()).Take(2).ToList();
        // Killed when the archive holds this share of the files: somewhere in the middle of the run.
        var killAt = victims.ToDictionary(v => v, _ => (int)(files * (0.1 + 0.5 * random.NextDouble())));
        var importers = Enumerable.Range(0, 4).Select(_ =>
            Process.Start(JixiaoProcess.StartInfo("--db", db, "import", input, "--workers", "1", "--batch", "8", "--lease", "4"))!).ToList();
        var outputs = importers.Select(p => (Out: p.StandardOutput.ReadToEndAsync(), Err: p.StandardError.ReadToEndAsync())).ToList();
        var orphaned = new List<string>();
        try
        {
            var clock = Stopwatch.StartNew();
            foreach (var (victim, at) in killAt.OrderBy(k => k.Value))
            {
                while (Stored(db) < at && !importers[victim].HasExited && clock.Elapsed < TimeSpan.FromMinutes(3))
                    Thread.Sleep(100);
                // What the victim holds at its death: the others must finish these.
                orphaned.AddRange(Paths(db, $"SELECT path FROM claims WHERE state = 'claimed' AND owner LIKE '%:{importers[victim].Id}:%'"));
                importers[victim].Kill(); // SIGKILL: no cleanup, no release of its claims
            }
            foreach (var i in Enumerable.Range(0, 4).Except(victims))
            {
                Assert.True(importers[i].WaitForExit(TimeSpan.FromMinutes(4)), "a surviving importer did not finish");
                Assert.True(importers[i].ExitCode is 0 or 1, outputs[i].Err.Result);
                Assert.DoesNotContain("Unhandled exception", outputs[i].Err.Result);
            }
        }
        finally
        {
            foreach (var p in importers) if (!p.HasExited) p.Kill();
        }

        // Every file once: one document row and one import-log line per path, no claim left open.
        Assert.Equal(files, Scalar<long>(db, "SELECT count(*) FROM documents"));
        Assert.Equal(files, Scalar<long>(db, "SELECT count(DISTINCT path) FROM import_log"));
        Assert.Equal(files, Scalar<long>(db, "SELECT count(*) FROM import_log"));
        Assert.Equal(0, Scalar<long>(db, "SELECT count(*) FROM claims WHERE state <> 'done'"));
        Assert.NotEmpty(orphaned);
        Assert.Equal(orphaned.Count, Scalar<long>(db, $"SELECT count(*) FROM documents WHERE path = ANY(@p)", orphaned.ToArray()));

        // The same folder imported once into LiteDB holds the same facts and the same statuses.
        var lite = _t.Db;
        var single = JixiaoProcess.Run(TimeSpan.FromMinutes(4), "--db", lite, "import", input, "--workers", "2");
        Assert.True(single.ExitCode is 0 or 1, single.Err);
        Assert.Equal(CountsLine(lite), CountsLine(db));
        var liteFacts = SortedFacts(lite);
        Assert.True(liteFacts.Count > 5000, $"only {liteFacts.Count} facts: the generated documents should hold thousands");
        var pgFacts = SortedFacts(db);
        var firstDiff = liteFacts.Zip(pgFacts).FirstOrDefault(p => p.First != p.Second);
        Assert.True(firstDiff == default, $"first difference:\nLiteDB:     {firstDiff.First}\nPostgreSQL: {firstDiff.Second}");
        Assert.Equal(liteFacts, pgFacts);

        var verify = JixiaoProcess.Run("--db", db, "verify");
        Assert.True(verify.ExitCode == 0, verify.Out + verify.Err);
    }

    /// <summary>Every fact exported as JSON lines, without the file and path (which copy of a duplicate pair holds
    /// the facts depends on who stored it first), sorted.</summary>
    List<string> SortedFacts(string db)
    {
        var file = Path.Combine(_t.Path, $"facts-{Guid.NewGuid():N}.jsonl");
        var r = JixiaoProcess.Run("--db", db, "export", "--format", "jsonl", "--out", file);
        Assert.True(r.ExitCode == 0, r.Err);
        return File.ReadLines(file).Select(l =>
        {
            var o = JsonNode.Parse(l)!.AsObject();
            o.Remove("file");
            o.Remove("path");
            return o.ToJsonString();
        }).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>`jixiao verify`'s count line: documents, forms, indicators, budget facts (and it must find no problem).</summary>
    static string CountsLine(string db)
    {
        var r = JixiaoProcess.Run("--db", db, "verify", "--no-files");
        Assert.True(r.ExitCode == 0, r.Out + r.Err);
        return r.Out.Split('\n').First(l => l.Contains("documents,"));
    }

    /// <summary>Documents stored so far; 0 before the first importer has created the schema.</summary>
    static long Stored(string db)
    {
        try { return Scalar<long>(db, "SELECT count(*) FROM documents"); }
        catch (PostgresException e) when (e.SqlState == "42P01") { return 0; }
    }

    static T Scalar<T>(string db, string sql, string[]? paths = null)
    {
        using var c = new NpgsqlConnection(db);
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        if (paths is not null) cmd.Parameters.AddWithValue("p", paths);
        return (T)cmd.ExecuteScalar()!;
    }

    static List<string> Paths(string db, string sql)
    {
        using var c = new NpgsqlConnection(db);
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read()) list.Add(r.GetString(0));
        return list;
    }
}
