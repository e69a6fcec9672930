using DuckDB.NET.Data;
using Jixiao.Cli.ConsoleOutput;
using Jixiao.Store;
using Jixiao.Tests;

namespace Jixiao.Cli.Tests.Export;

/// <summary>
/// `jixiao export --format parquet` over the seed documents, read back with DuckDB (a warehouse engine, not
/// our own reader): every file's row count and the sums of its numeric columns equal what the archive holds.
/// Run against both backends.
/// </summary>
public abstract class ParquetExportTests : IDisposable
{
    readonly TempDir _t = new();
    readonly string _db;

    private protected ParquetExportTests(Func<TempDir, string> target)
    {
        _db = target(_t);
        // The seeds and the synthetic forms that need no OCR (scans take seconds a page; they add nothing here).
        var input = _t.Sub("in");
        foreach (var f in Directory.GetFiles(Corpus.File("seeds")).Concat(Directory.GetFiles(Corpus.File("synthetic")))
                     .Where(f => Path.GetExtension(f) is ".txt" or ".docx" or ".doc" or ".mht" or ".xlsx"))
            File.Copy(f, Path.Combine(input, Path.GetFileName(f)));
        var r = JixiaoProcess.Run("--db", _db, "import", input);
        Assert.True(r.ExitCode == 0, r.Err);
    }

    public void Dispose() => _t.Dispose();

    static T Scalar<T>(DuckDBConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        var v = cmd.ExecuteScalar();
        return (T)Convert.ChangeType(v, typeof(T))!;
    }

    [Fact]
    public void EveryFactKind_ReadBackByDuckDB_MatchesTheArchive()
    {
        var dir = Path.Combine(_t.Path, "warehouse");
        var r = JixiaoProcess.Run("--db", _db, "export", "--format", "parquet", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Err);

        using var archive = ArchiveOpener.OpenExisting(_db)!;
        var counts = archive.Counts();
        var facts = archive.Facts().ToList();
        var forms = archive.AllDocuments().Where(d => d.Status == DocumentStatus.Ok).SelectMany(d => archive.FormsOf(d.Id)).Select(f => f.Form).ToList();
        Assert.True(counts.Indicators > 100 && counts.BudgetFacts > 50, $"seed archive too small: {counts}");

        using var duck = new DuckDBConnection("Data Source=:memory:");
        duck.Open();
        string F(string name) => $"read_parquet('{Path.Combine(dir, name + ".parquet")}')";
        Assert.Equal(counts.Documents, Scalar<int>(duck, $"SELECT count(*) FROM {F("documents")}"));
        Assert.Equal(counts.Indicators, Scalar<int>(duck, $"SELECT count(*) FROM {F("indicators")}"));
        Assert.Equal(counts.BudgetFacts, Scalar<int>(duck, $"SELECT count(*) FROM {F("budget")}"));
        Assert.Equal(forms.Sum(f => f.Fields.Count), Scalar<int>(duck, $"SELECT count(*) FROM {F("fields")}"));
        Assert.Equal(forms.Sum(f => f.Goals.Count), Scalar<int>(duck, $"SELECT count(*) FROM {F("goals")}"));
        Assert.Equal(forms.Sum(f => f.Projects.Count), Scalar<int>(duck, $"SELECT count(*) FROM {F("projects")}"));

        // Sums of the typed columns equal the archive's values parsed the same way.
        double Sum(IEnumerable<double?> xs) => xs.Sum(x => x ?? 0);
        var budget = facts.Where(f => f.Fact == "budget").ToList();
        var indicators = facts.Where(f => f.Fact == "indicator").ToList();
        Assert.Equal(Sum(budget.Select(b => TargetValue.Parse(b.Value)?.Number)), Scalar<double>(duck, $"SELECT coalesce(sum(amount), 0) FROM {F("budget")}"), 6);
        Assert.Equal(Sum(indicators.Select(i => TargetValue.Parse(i.Target)?.Number)), Scalar<double>(duck, $"SELECT coalesce(sum(target_number), 0) FROM {F("indicators")}"), 6);
        Assert.Equal(indicators.Sum(i => (long)(i.Year ?? 0)), Scalar<long>(duck, $"SELECT coalesce(sum(year), 0)::BIGINT FROM {F("indicators")}"));
        Assert.Equal(counts.Indicators, Scalar<int>(duck, $"SELECT sum(indicators)::BIGINT FROM {F("documents")}"));
        // Text round-trips as written (Chinese, no mojibake), per kind.
        Assert.Equal(indicators.Count(i => i.Level3 == "公用经费控制率"), Scalar<int>(duck, $"SELECT count(*) FROM {F("indicators")} WHERE level3 = '公用经费控制率'"));
        Assert.Equal(budget.Select(b => b.Kind).Distinct().Count(), Scalar<int>(duck, $"SELECT count(DISTINCT kind) FROM {F("budget")}"));
    }
}

public sealed class LiteDbParquetExportTests() : ParquetExportTests(t => t.Db);

[Collection(PgCollection.Name)]
public sealed class PostgresParquetExportTests(PgCluster cluster) : ParquetExportTests(_ => cluster.NewDatabase());
