using Jixiao.Cli.Import;
using Jixiao.Tests;
using Npgsql;

namespace Jixiao.Cli.Tests.Scale;

/// <summary>What a database administrator expects at the edges: one line, no password, a refused newer schema.</summary>
[Collection(PgCollection.Name)]
public sealed class PostgresTargetTests(PgCluster cluster)
{
    [Fact]
    public void UnreachableServer_IsOneLineWithoutThePassword()
    {
        // A closed loopback port: the connection is refused at once.
        var r = JixiaoProcess.Run("--db", "postgresql://jixiao:s3cret-pw@127.0.0.1:1/jixiao?sslmode=disable", "search", "满意度");
        Assert.Equal(1, r.ExitCode);
        var lines = r.Err.TrimEnd().Split('\n');
        Assert.Single(lines);
        Assert.Contains("cannot reach PostgreSQL at postgresql://jixiao@127.0.0.1:1/jixiao", lines[0]);
        Assert.DoesNotContain("s3cret-pw", r.Err + r.Out);
    }

    [Fact]
    public void APasswordInTheUrl_IsNeverPrinted_ByImportSearchOrVerify()
    {
        var b = new NpgsqlConnectionStringBuilder(cluster.NewDatabase());
        var url = $"postgresql://jixiao:s3cret-pw@127.0.0.1:{b.Port}/{b.Database}?Search%20Path={Uri.EscapeDataString(b.SearchPath!)}&sslmode=disable";
        foreach (var args in new[] { new[] { "import", Corpus.File("seeds") }, new[] { "search", "满意度" }, new[] { "verify" }, new[] { "search", "x", "--year", "abc" } })
        {
            var r = JixiaoProcess.Run(new[] { "--db", url }.Concat(args).ToArray());
            Assert.DoesNotContain("s3cret-pw", r.Out + r.Err);
        }
        Assert.Equal(0, JixiaoProcess.Run("--db", url, "verify").ExitCode);
    }

    [Fact]
    public void TlsOptions_ArePassedThrough_AndARefusedTlsIsOneLine()
    {
        var t = Jixiao.Store.Postgres.PgTarget.Parse("postgresql://jixiao@db.example:5433/jixiao?sslmode=verify-full&sslrootcert=/etc/pg/ca.pem&sslcert=/etc/pg/c.crt&sslkey=/etc/pg/c.key");
        Assert.Equal((SslMode.VerifyFull, "/etc/pg/ca.pem", "/etc/pg/c.crt", "/etc/pg/c.key"),
            (t.Builder.SslMode, t.Builder.RootCertificate, t.Builder.SslCertificate, t.Builder.SslKey));
        Assert.Equal(SslMode.Require, Jixiao.Store.Postgres.PgTarget.Parse("Host=db;Database=j;SSL Mode=Require").Builder.SslMode);

        // The test cluster runs without TLS: sslmode=require must reach the server and be refused there, in one line.
        var b = new NpgsqlConnectionStringBuilder(cluster.NewDatabase());
        var r = JixiaoProcess.Run("--db", $"postgresql://jixiao:s3cret-pw@127.0.0.1:{b.Port}/{b.Database}?sslmode=require", "search", "满意度");
        Assert.Equal(1, r.ExitCode);
        Assert.Single(r.Err.TrimEnd().Split('\n'));
        Assert.Contains("SSL", r.Err);
        Assert.DoesNotContain("s3cret-pw", r.Out + r.Err);
    }

    [Fact]
    public void SchemaNewerThanTheProgram_IsRefusedInOneLine_ReadingAndWriting()
    {
        var db = cluster.NewDatabase();
        var ok = JixiaoProcess.Run("--db", db, "import", Corpus.File("seeds"));
        Assert.True(ok.ExitCode == 0, ok.Err);
        using (var c = new NpgsqlConnection(db))
        {
            c.Open();
            using var cmd = new NpgsqlCommand("INSERT INTO jixiao_schema (version, program) VALUES (99, 'jixiao from the future')", c);
            cmd.ExecuteNonQuery();
        }
        foreach (var args in new[] { new[] { "search", "满意度" }, new[] { "import", Corpus.File("seeds") } })
        {
            var r = JixiaoProcess.Run(new[] { "--db", db }.Concat(args).ToArray());
            Assert.Equal(1, r.ExitCode);
            Assert.Single(r.Err.TrimEnd().Split('\n'));
            Assert.Matches(@"schema is version 99, newer than this jixiao \(\d+\)", r.Err);
        }
    }

    [Fact]
    public void EmptyDatabase_ReadCommandsSayToImportFirst()
    {
        var r = JixiaoProcess.Run("--db", cluster.NewDatabase(), "verify");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("holds no jixiao archive yet", r.Err);
    }

    [Fact]
    public void Shard_DividesEveryFileIntoExactlyOneShare_FromTheOptionOrTheScheduler()
    {
        var files = Enumerable.Range(0, 400).Select(i => $"/data/绩效表/{i}.docx").ToList();
        var shares = Enumerable.Range(0, 4).Select(k => files.Where(new Shard(k, 4).Owns).ToList()).ToList();
        Assert.Equal(files.Count, shares.Sum(s => s.Count));
        Assert.Equal(files.Order(), shares.SelectMany(s => s).Order());
        Assert.All(shares, s => Assert.InRange(s.Count, 60, 140)); // hash spread, not all in one share

        Assert.True(Shard.TryResolve("auto/8", v => v == "JOB_COMPLETION_INDEX" ? "5" : null, out var k8s, out _));
        Assert.Equal(new Shard(5, 8), k8s);
        var slurm = new Dictionary<string, string> { ["SLURM_ARRAY_TASK_ID"] = "13", ["SLURM_ARRAY_TASK_MIN"] = "10", ["SLURM_ARRAY_TASK_COUNT"] = "6" };
        Assert.True(Shard.TryResolve(null, slurm.GetValueOrDefault, out var array, out _));
        Assert.Equal(new Shard(3, 6), array);
        Assert.True(Shard.TryResolve(null, _ => null, out var none, out _));
        Assert.Null(none);
        Assert.False(Shard.TryResolve("8/8", _ => null, out _, out var error));
        Assert.Contains("does not exist", error);
        Assert.False(Shard.TryResolve("auto/4", _ => null, out _, out error));
        Assert.Contains("JOB_COMPLETION_INDEX", error);
    }

    [Fact]
    public void ShardedImporters_TogetherStoreTheFolderOnce()
    {
        using var t = new TempDir();
        var input = t.Sub("in");
        foreach (var f in Directory.GetFiles(Corpus.File("seeds"), "*.txt"))
            for (int k = 0; k < 6; k++) File.WriteAllText(Path.Combine(input, $"{k}_{Path.GetFileName(f)}"), File.ReadAllText(f) + $"\n备注{k}\n");
        var db = cluster.NewDatabase();
        var runs = Enumerable.Range(0, 3).Select(k => JixiaoProcess.Run("--db", db, "import", input, "--shard", $"{k}/3")).ToList();
        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.Err));
        var verify = JixiaoProcess.Run("--db", db, "verify");
        Assert.True(verify.ExitCode == 0, verify.Out);
        Assert.StartsWith("12 documents", verify.Out);
    }
}
