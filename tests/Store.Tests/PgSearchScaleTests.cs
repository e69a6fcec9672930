using Jixiao.Store.Postgres;
using Npgsql;
using static Jixiao.Store.Tests.Sample;

namespace Jixiao.Store.Tests;

/// <summary>
/// The PostgreSQL search's behaviour past a page of hits, on rows made in SQL at test time: the count stops at
/// its cap and says so, and the first page is still the best rows in result order.
/// </summary>
[Collection(Jixiao.Tests.PgCollection.Name)]
public sealed class PgSearchScaleTests(Jixiao.Tests.PgCluster cluster) : IDisposable
{
    readonly BackendArchive _t = new(new StoreBackend.Postgres(cluster));

    public void Dispose() => _t.Dispose();

    [Fact]
    public void AWordInMoreRowsThanTheCap_IsCountedAsMoreThanTheCap_AndTheBestRowsComeFirst()
    {
        _t.Archive.Write(new[]
        {
            _t.File("a.txt", "1", Doc(DepartmentForm(2020, "甲局", Ind("年度", "满意度", "服务对象满意度", "群众满意度", "≥90%")))),
            _t.File("b.txt", "2", Doc(DepartmentForm(2024, "乙局", Ind("年度", "满意度", "服务对象满意度", "社会公众满意度", "≥95%")))),
        });
        // Copies of 群众满意度's row past the cap. It ranks above 社会公众满意度 for 满意 (a larger share of a
        // shorter name), so the first page is its rows although the other name's row is newer.
        using (var c = new NpgsqlConnection(_t.Target))
        {
            c.Open();
            using var cmd = new NpgsqlCommand($"""
                INSERT INTO indicators (form_id, document_id, ord, year, department, department_fold, project_fold, kind, kind_fold, name, name_norm, level1_norm, target)
                SELECT form_id, document_id, ord + k, year, department, department_fold, project_fold, kind, kind_fold, name, name_norm, level1_norm, target
                FROM indicators, generate_series(1, {PgArchive.CountCap + 5}) k WHERE name_norm = '群众满意度'
                """, c);
            cmd.ExecuteNonQuery();
        }
        var r = _t.Archive.Search(new SearchQuery { Text = "满意", Limit = 3 });
        Assert.True(r.TotalAtLeast);
        Assert.Equal(PgArchive.CountCap, r.Total);
        Assert.Equal(new[] { 0, 1, 2 }.Select(_ => "群众满意度"), r.Hits.Select(h => h.Name));

        var small = _t.Archive.Search(new SearchQuery { Text = "社会公众" });
        Assert.False(small.TotalAtLeast);
        Assert.Equal((1, 2024), (small.Total, small.Hits.Single().Year!.Value));
    }
}
