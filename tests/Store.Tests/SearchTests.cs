using Jixiao.Extract;
using static Jixiao.Store.Tests.Sample;

namespace Jixiao.Store.Tests;

/// <summary>Search and history over a small archive of hand-built forms, on every backend (LiteDB file, PostgreSQL).</summary>
public abstract class SearchTests : IDisposable
{
    readonly BackendArchive _t;
    IArchive A => _t.Archive;

    protected SearchTests(StoreBackend backend)
    {
        _t = new BackendArchive(backend);
        A.Write(new[]
        {
            _t.File("dept2024.txt", "1", Doc(DepartmentForm(2024, "鄂州市督查考评办公室",
                Ind("长期", "运行成本", "公用经费控制", "公用经费控制率", "100%"),
                Ind("年度", "运行成本", "公用经费控制", "公用经费控制率", "100%"),
                Ind("年度", "满意度", "服务对象满意度", "社会公众满意度", "≥95%")))),
            _t.File("dept2022.txt", "2", Doc(DepartmentForm(2022, "鄂州市督查考评办公室",
                Ind("年度", "运行成本", "公用经费控制", "公用经费 控制率", "≤100%")))),
            _t.File("dept2023.txt", "3", Doc(DepartmentForm(2023, "鄂州市督查考评办公室",
                Ind("年度", "运行成本", "公用经费控制", "公用经费控制比率", "100%"),
                Ind("年度", "运行成本", "三公经费控制", "公务接待费控制率", "100%")))),
            _t.File("proj2021.txt", "4", Doc(ProjectSelfEval(2021, "鄂州市财政局", "绩效目标管理和考核业务",
                Ind(null, "产出指标", "数量指标", "督查事项办结数", "≥300份", "320份"),
                Ind(null, "产出指标", "质量指标", "问题整改率", "≥90%", "92%"),
                Ind(null, "满意度指标", "服务对象满意度指标", "群众满意度", "≥85%", "90%")))),
            _t.File("proj2019.txt", "5", Doc(ProjectSelfEval(2019, "黄石市教育局", "校舍维修",
                Ind(null, "效益指标", "社会效益指标", "学生满意度", "95%", "96%")))),
        });
    }

    public void Dispose() => _t.Dispose();

    IReadOnlyList<IndicatorHit> Find(SearchQuery q) => A.Search(q).Hits;

    [Fact]
    public void Text_MatchesNormalizedSubstring()
    {
        var names = Find(new SearchQuery { Text = "满意度" }).Select(h => h.Name).Order().ToList();
        Assert.Equal(new[] { "学生满意度", "社会公众满意度", "群众满意度" }.Order(), names);
        // Spacing in the query or in the stored name does not matter.
        Assert.Equal(3, Find(new SearchQuery { Text = "公用经费　控制率" }).Count);
        Assert.False(A.Search(new SearchQuery { Text = "满意度" }).Fuzzy);
    }

    [Fact]
    public void Text_WithATypo_FallsBackToSimilarNames()
    {
        var r = A.Search(new SearchQuery { Text = "问题正改率" });
        Assert.True(r.Fuzzy);
        Assert.Equal("问题整改率", r.Hits[0].Name);
        Assert.Empty(A.Search(new SearchQuery { Text = "完全无关的词语" }).Hits);
    }

    [Fact]
    public void Text_OfOneOrTwoChineseCharacters_FindsEveryNameContainingIt()
    {
        // Below a trigram: the PostgreSQL archive looks such words up by the names' character grams.
        var r = A.Search(new SearchQuery { Text = "满意", Limit = 1 });
        Assert.Equal(3, r.Total);
        // Best rank first (the word is a larger share of a shorter name), then the newer year.
        Assert.Equal(("群众满意度", 2021), (r.Hits[0].Name, r.Hits[0].Year!.Value));
        var rates = Find(new SearchQuery { Text = "率" });
        Assert.Equal(6, rates.Count);
        Assert.All(rates, h => Assert.Contains("率", h.Name));
    }

    [Fact]
    public void Text_OfThreeCharactersWithATypo_FindsNamesSharingACharacter()
    {
        var r = A.Search(new SearchQuery { Text = "满义度" });
        Assert.True(r.Fuzzy);
        Assert.Equal(new[] { "学生满意度", "社会公众满意度", "群众满意度" }.Order(), r.Hits.Select(h => h.Name).Order());
    }

    [Fact]
    public void Year_FiltersASingleYearAndARange()
    {
        Assert.Equal(3, Find(new SearchQuery { YearFrom = 2024, YearTo = 2024 }).Count);
        var years = Find(new SearchQuery { YearFrom = 2019, YearTo = 2022 }).Select(h => h.Year).Distinct().Order();
        Assert.Equal(new int?[] { 2019, 2021, 2022 }, years);
        var r = Find(new SearchQuery { Text = "公用经费控制率", YearFrom = 2024, YearTo = 2024 });
        Assert.Equal(new[] { "年度", "长期" }, r.Select(h => h.Scope!).Order());
        Assert.All(r, h => Assert.Equal(("鄂州市督查考评办公室", "100%"), (h.Department!, h.Target!)));
    }

    [Fact]
    public void DeptKindAndLevel1_AreSubstringFilters()
    {
        Assert.Equal(new[] { "proj2021.txt" }, Find(new SearchQuery { Department = "财政" }).Select(h => h.File).Distinct());
        // --dept also finds a project name.
        Assert.Single(Find(new SearchQuery { Department = "校舍" }));
        Assert.Equal(4, Find(new SearchQuery { Kind = "自评" }).Count);
        Assert.Equal(6, Find(new SearchQuery { Kind = "部门整体" }).Count);
        Assert.Equal(new[] { "督查事项办结数", "问题整改率" }, Find(new SearchQuery { Level1 = "产出" }).Select(h => h.Name).Order());
        Assert.Equal(new[] { "学生满意度" }, Find(new SearchQuery { Text = "满意度", Level1 = "效益", Kind = "项目" }).Select(h => h.Name));
    }

    [Fact]
    public void Target_ComparesTheParsedNumberAndUnit()
    {
        var ge95 = Find(new SearchQuery { Target = TargetValue.Parse(">=95%") }).Select(h => h.Target).ToList();
        Assert.Equal(7, ge95.Count); // 100% ×5, ≤100%, ≥95%, 95%… but not ≥90%, ≥85%, ≥300份
        Assert.DoesNotContain("≥90%", ge95);
        Assert.DoesNotContain("≥300份", ge95);
        Assert.Equal(new[] { "≥85%", "≥90%" }, Find(new SearchQuery { Target = TargetValue.Parse("<95%") }).Select(h => h.Target!).Order());
        Assert.Equal(new[] { "≥300份" }, Find(new SearchQuery { Target = TargetValue.Parse(">100份") }).Select(h => h.Target));
        Assert.Equal(2, Find(new SearchQuery { Target = TargetValue.Parse("=95%") }).Count);
    }

    [Fact]
    public void Limit_CutsTheListButTotalCountsAll()
    {
        var r = A.Search(new SearchQuery { Limit = 2 });
        Assert.Equal(2, r.Hits.Count);
        Assert.Equal(10, r.Total);
    }

    [Fact]
    public void History_MatchesRespacedAndRenamedNamesAcrossYears()
    {
        var h = A.History("公用经费控制率");
        Assert.Equal(new int?[] { 2022, 2023, 2024, 2024 }, h.Select(x => x.Year));
        Assert.Equal(new[] { false, true, false, false }, h.Select(x => x.Fuzzy));
        Assert.DoesNotContain(h, x => x.Name == "公务接待费控制率");
        Assert.Equal("≤100%", h[0].Target);
        Assert.Empty(A.History("公用经费控制率", department: "教育局"));
    }
}

public sealed class LiteDbSearchTests() : SearchTests(new StoreBackend.LiteDb());

[Collection(Jixiao.Tests.PgCollection.Name)]
public sealed class PostgresSearchTests(Jixiao.Tests.PgCluster cluster) : SearchTests(new StoreBackend.Postgres(cluster));
