using Jixiao.Extract;
using static Jixiao.Store.Tests.Sample;

namespace Jixiao.Store.Tests;

/// <summary>The archive's write rules, run against every backend (LiteDB file and PostgreSQL).</summary>
public abstract class ArchiveWriteTests
{
    protected abstract StoreBackend Backend { get; }
    BackendArchive NewArchive() => new(Backend);

    static ExtractedDocument TwoForms() => Doc(
        DepartmentForm(2024, "鄂州市督查考评办公室",
            Ind("长期", "运行成本", "公用经费控制", "公用经费控制率", "100%"),
            new Indicator { Scope = "年度", Level1 = "运行成本", Level2 = "公用经费控制", Level3 = "公用经费控制率", Target = "100%",
                            History = { ["2022"] = "100%", ["2023"] = "100%" }, Basis = "计划标准", Category = "绩效基本型", Source = new SourceRef(5, 7, 3) }),
        ProjectSelfEval(2021, "鄂州市督查考评办公室", "督查效能业务",
            Ind(null, "满意度指标", "服务对象满意度指标", "社会公众满意度", "≥95%", "98%")));

    [Fact]
    public void RoundTrip_StoresAndReadsBackEveryPartOfTheForms()
    {
        using var t = NewArchive();
        var doc = TwoForms();
        var outcome = t.Archive.Write(new[] { t.File("a.txt", "a", doc) }).Single();
        Assert.Equal(WriteAction.Imported, outcome.Action);
        Assert.Equal((2, 3), (outcome.Forms, outcome.Indicators));
        t.Reopen();

        var stored = t.Archive.AllDocuments().Single();
        Assert.Equal(DocumentStatus.Ok, stored.Status);
        Assert.Equal("a.txt", stored.FileName);
        Assert.Equal(64, stored.Hash.Length);
        Assert.Equal((2, 3), (stored.FormsCount, stored.IndicatorsCount));
        var forms = t.Archive.FormsOf(stored.Id).Select(f => f.Form).ToList();
        // The archive adds the parsed target (for search); apart from it the forms come back identical.
        Assert.Equal(new ParsedValue("≥", 95, "%", false), forms[1].Indicators[0].TargetParsed);
        Assert.Equal(new ParsedValue(null, 100, "%", false), forms[0].Indicators[1].TargetParsed);
        foreach (var i in forms.SelectMany(f => f.Indicators)) i.TargetParsed = null;
        Assert.Equal(CanonicalJson.Serialize(Doc(doc.Forms.ToArray())), CanonicalJson.Serialize(Doc(forms.ToArray())));
        Assert.Equal(new ArchiveCounts(1, 2, 3, 2, 1), t.Archive.Counts());
    }

    [Fact]
    public void ReimportOfUnchangedFile_ChangesNothing()
    {
        using var t = NewArchive();
        var item = t.File("a.txt", "a", TwoForms());
        t.Archive.Write(new[] { item });
        var before = t.Archive.AllDocuments().Single();
        var countsBefore = t.Archive.Counts();
        var formIds = t.Archive.FormsOf(before.Id).Select(f => f.Id).ToList();

        var again = t.Archive.Write(new[] { item }).Single();

        Assert.Equal(WriteAction.Unchanged, again.Action);
        Assert.Equal(before, t.Archive.AllDocuments().Single());
        Assert.Equal(countsBefore, t.Archive.Counts());
        Assert.Equal(formIds, t.Archive.FormsOf(before.Id).Select(f => f.Id).ToList());
    }

    [Fact]
    public void ChangedFile_ReplacesItsFormsIndicatorsAndFacts()
    {
        using var t = NewArchive();
        t.Archive.Write(new[] { t.File("a.txt", "v1", TwoForms()) });
        var id = t.Archive.AllDocuments().Single().Id;

        var v2 = Doc(ProjectSelfEval(2022, "鄂州市督查考评办公室", "作风建设", Ind(null, "产出指标", "数量指标", "督查次数", "≥12次")));
        var outcome = t.Archive.Write(new[] { t.File("a.txt", "v2", v2) }).Single();

        Assert.Equal(WriteAction.Replaced, outcome.Action);
        var doc = t.Archive.AllDocuments().Single();
        Assert.Equal(id, doc.Id);
        Assert.Equal((1, 1), (doc.FormsCount, doc.IndicatorsCount));
        Assert.Equal(new ArchiveCounts(1, 1, 1, 1, 2), t.Archive.Counts());
        Assert.Empty(t.Archive.Search(new SearchQuery { Text = "公用经费控制率" }).Hits);
        Assert.Equal("督查次数", t.Archive.Search(new SearchQuery()).Hits.Single().Level3);
        Assert.True(t.Archive.Verify().Ok);
    }

    [Fact]
    public void SameContentAtTwoPaths_IsStoredOnceAndTheCopyInheritsWhenTheOriginalChanges()
    {
        using var t = NewArchive();
        var a = t.File("a.txt", "same", TwoForms());
        var b = t.File("b.txt", "same", TwoForms());
        var outcomes = t.Archive.Write(new[] { a, b });
        Assert.Equal(new[] { WriteAction.Imported, WriteAction.Duplicate }, outcomes.Select(o => o.Action));
        Assert.Equal(3, t.Archive.Counts().Indicators);
        var docs = t.Archive.AllDocuments();
        Assert.Equal(docs[0].Id, docs[1].DuplicateOf);
        Assert.Equal(2, t.Archive.FormsOf(docs[1].Id).Count);

        // a.txt changes: b.txt still holds the old content, so it takes over the forms.
        t.Archive.Write(new[] { t.File("a.txt", "new", Doc(DepartmentForm(2025, "新部门", Ind("年度", "运行成本", "x", "新指标", "1"))) ) });
        docs = t.Archive.AllDocuments();
        Assert.Equal(DocumentStatus.Ok, docs[1].Status);
        Assert.Null(docs[1].DuplicateOf);
        Assert.Equal(3, t.Archive.FormsOf(docs[1].Id).Sum(f => f.Form.Indicators.Count));
        Assert.Equal(4, t.Archive.Counts().Indicators);
        var verify = t.Archive.Verify();
        Assert.True(verify.Ok, string.Join("\n", verify.Problems));
    }

    [Fact]
    public void FailedAndEmptyFiles_AreStoredWithTheirReason_AndRetriedOnlyWhenAsked()
    {
        using var t = NewArchive();
        var bad = t.File("bad.docx", "garbage", null, error: "unknown binary format");
        var none = t.File("none.txt", "text", new ExtractedDocument { File = "none.txt", Format = "text" });
        var outcomes = t.Archive.Write(new[] { bad, none });
        Assert.Equal(new[] { WriteAction.Failed, WriteAction.NoForms }, outcomes.Select(o => o.Action));
        var docs = t.Archive.AllDocuments();
        Assert.Equal((DocumentStatus.Failed, "unknown binary format"), (docs[0].Status, docs[0].Error));
        Assert.Equal((DocumentStatus.NoForms, "no 绩效表 form found"), (docs[1].Status, docs[1].Error));
        Assert.Equal(new[] { "failed", "no-forms" }, t.Archive.ImportLog().Select(l => l.Status));
        var known = t.Archive.KnownFiles()[docs[0].Path];
        Assert.True(known.Skips(docs[0].Hash));
        Assert.False(known.Skips(docs[0].Hash, ReimportPolicy.RetryFailed));

        // Same bytes, but a newer reader succeeds: only a retry rewrites it, under the same id.
        var fixedItem = new ImportItem { Path = bad.Path, Hash = bad.Hash, Format = "docx", Extracted = TwoForms() };
        Assert.Equal(WriteAction.Unchanged, t.Archive.Write(new[] { fixedItem }).Single().Action);
        Assert.Equal(DocumentStatus.Failed, t.Archive.GetDocument(docs[0].Id)!.Status);
        Assert.Equal(WriteAction.Replaced, t.Archive.Write(new[] { fixedItem }, ReimportPolicy.RetryFailed).Single().Action);
        Assert.Equal(DocumentStatus.Ok, t.Archive.GetDocument(docs[0].Id)!.Status);
    }

    [Fact]
    public void Verify_ReportsMissingAndChangedFilesWithoutChangingAnything()
    {
        using var t = NewArchive();
        var a = t.File("a.txt", "a", TwoForms());
        var b = t.File("b.txt", "b", Doc(DepartmentForm(2023, "某局")));
        t.Archive.Write(new[] { a, b });
        Assert.True(t.Archive.Verify().Ok);

        File.Delete(a.Path);
        File.WriteAllText(b.Path, "edited");
        var countsBefore = t.Archive.Counts();
        var r = t.Archive.Verify();

        Assert.False(r.Ok);
        Assert.Equal((1, 1), (r.MissingFiles, r.ChangedFiles));
        Assert.Contains(r.Problems, p => p.Contains("missing on disk") && p.Contains("a.txt"));
        Assert.Contains(r.Problems, p => p.Contains("changed on disk") && p.Contains("b.txt"));
        Assert.Equal(countsBefore, t.Archive.Counts());
        Assert.True(t.Archive.Verify(checkFiles: false).Ok);
    }

    [Fact]
    public void ABatchIsOneTransaction_ReopeningShowsEveryFileOfIt()
    {
        using var t = NewArchive();
        var items = Enumerable.Range(0, 30).Select(i =>
            t.File($"f{i}.txt", "c" + i, Doc(ProjectSelfEval(2020 + i % 5, "部门" + i, "项目" + i, Ind(null, "产出指标", "数量指标", "指标" + i, i + "%"))))).ToList();
        Assert.All(t.Archive.Write(items), o => Assert.Equal(WriteAction.Imported, o.Action));
        t.Reopen();
        Assert.Equal(new ArchiveCounts(30, 30, 30, 30, 30), t.Archive.Counts());
        Assert.True(t.Archive.Verify().Ok);
    }
}

public sealed class LiteDbArchiveWriteTests : ArchiveWriteTests
{
    protected override StoreBackend Backend { get; } = new StoreBackend.LiteDb();
}

[Collection(Jixiao.Tests.PgCollection.Name)]
public sealed class PostgresArchiveWriteTests(Jixiao.Tests.PgCluster cluster) : ArchiveWriteTests
{
    protected override StoreBackend Backend { get; } = new StoreBackend.Postgres(cluster);
}
