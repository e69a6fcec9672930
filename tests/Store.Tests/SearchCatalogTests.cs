using LiteDB;
using static Jixiao.Store.Tests.Sample;

namespace Jixiao.Store.Tests;

/// <summary>
/// The search catalog stays in step with the indicators through replaced documents, duplicates and heirs,
/// and answers every query exactly as a scan of the indicator rows does.
/// </summary>
public sealed class SearchCatalogTests : IDisposable
{
    readonly TempArchive _t = new();
    Archive A => _t.Archive;

    public void Dispose() => _t.Dispose();

    static readonly SearchQuery[] Queries =
    {
        new() { },
        new() { Limit = 3 },
        new() { YearFrom = 2019, YearTo = 2022 },
        new() { Department = "鄂州" },
        new() { Department = "校舍", Kind = "自评" },
        new() { Level1 = "产出" },
        new() { Text = "满意度" },
        new() { Text = "问题正改率" },
        new() { Text = "控制率", YearFrom = 2023, Limit = 2 },
        new() { Target = TargetValue.Parse(">=95%") },
        new() { Target = TargetValue.Parse("<95%"), Kind = "项目" },
    };

    void AssertSameAsScan()
    {
        foreach (var q in Queries)
        {
            var fast = A.Search(q);
            var scan = A.SearchByScan(q);
            Assert.Equal(scan.Total, fast.Total);
            Assert.Equal(scan.Fuzzy, fast.Fuzzy);
            Assert.Equal(scan.Hits.Select(h => (h.File, h.Year, h.Name, h.Target, h.Scope)), fast.Hits.Select(h => (h.File, h.Year, h.Name, h.Target, h.Scope)));
        }
        Assert.True(A.Verify(checkFiles: false).Ok, string.Join("\n", A.Verify(checkFiles: false).Problems));
    }

    ImportItem Dept(string name, string hash, int year, params Extract.Indicator[] ind) =>
        _t.File(name, hash, Doc(DepartmentForm(year, "鄂州市督查考评办公室", ind)));

    [Fact]
    public void Catalog_FollowsReplacementsDuplicatesAndHeirs()
    {
        A.Write(new[]
        {
            Dept("a.txt", "1", 2024, Ind("年度", "运行成本", "公用经费控制", "公用经费控制率", "100%"), Ind("年度", "满意度", "服务对象满意度", "社会公众满意度", "≥95%")),
            _t.File("p.txt", "2", Doc(ProjectSelfEval(2021, "鄂州市财政局", "校舍维修",
                Ind(null, "产出指标", "数量指标", "督查事项办结数", "≥300份", "320份"),
                Ind(null, "产出指标", "质量指标", "问题整改率", "≥90%", "92%")))),
        });
        AssertSameAsScan();
        Assert.Equal(4, A.Search(new SearchQuery()).Total);

        // A copy of a.txt elsewhere is a duplicate: nothing new to find.
        A.Write(new[] { Dept("copy_a.txt", "1", 2024, Ind("年度", "运行成本", "公用经费控制", "公用经费控制率", "100%"), Ind("年度", "满意度", "服务对象满意度", "社会公众满意度", "≥95%")) });
        Assert.Equal(4, A.Search(new SearchQuery()).Total);
        AssertSameAsScan();

        // a.txt changes: its copy inherits the old forms (still its content), a.txt gets new ones.
        A.Write(new[] { Dept("a.txt", "3", 2023, Ind("年度", "运行成本", "公用经费控制", "公用经费控制比率", "≤100%")) });
        Assert.Equal(5, A.Search(new SearchQuery()).Total);
        Assert.Equal(new[] { "copy_a.txt" }, A.Search(new SearchQuery { Text = "社会公众满意度" }).Hits.Select(h => h.File).Distinct());
        AssertSameAsScan();

        // p.txt now has no form: its indicators leave the catalog.
        A.Write(new[] { _t.File("p.txt", "4", new Extract.ExtractedDocument { File = "p.txt", Format = "text" }) });
        Assert.Equal(3, A.Search(new SearchQuery()).Total);
        AssertSameAsScan();
    }

    [Fact]
    public void ManyDocuments_SpanSeveralSegments_AndStayExact()
    {
        var batch = new List<ImportItem>();
        for (int i = 0; i < 120; i++)
            batch.Add(_t.File($"d{i:000}.txt", $"h{i}", Doc(DepartmentForm(2015 + i % 10, $"部门{i % 7}",
                Enumerable.Range(0, 25).Select(n => Ind("年度", n % 2 == 0 ? "产出指标" : "效益指标", "数量指标", $"指标{n}满意度", $"≥{80 + n % 20}%")).ToArray()))));
        A.Write(batch);
        Assert.True(A.Catalog.Count() >= 2, "3,000 indicators should fill more than one segment");
        Assert.Equal(3000, A.Search(new SearchQuery()).Total);
        AssertSameAsScan();
        var r = A.Search(new SearchQuery { Department = "部门3", YearFrom = 2020, Limit = 5 });
        Assert.Equal(5, r.Hits.Count);
        Assert.Equal(A.SearchByScan(new SearchQuery { Department = "部门3", YearFrom = 2020 }).Total, r.Total);
    }

    [Fact]
    public void AnArchiveWithoutCatalog_GetsOneWhenOpenedForWriting()
    {
        A.Write(new[] { Dept("a.txt", "1", 2024, Ind("年度", "运行成本", "公用经费控制", "公用经费控制率", "100%")) });
        A.Catalog.DeleteAll();
        Assert.False(A.HasCatalog);
        Assert.Equal(1, A.Search(new SearchQuery { Text = "控制率" }).Total); // answered by the scan
        _t.Reopen();
        Assert.True(A.HasCatalog);
        AssertSameAsScan();
    }
}
