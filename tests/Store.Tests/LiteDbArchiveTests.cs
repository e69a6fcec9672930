using Jixiao.Extract;
using static Jixiao.Store.Tests.Sample;

namespace Jixiao.Store.Tests;

/// <summary>What only the LiteDB file archive has: the file itself, its writer lock, its name list.</summary>
public class LiteDbArchiveTests
{
    static ExtractedDocument TwoForms() => Doc(
        DepartmentForm(2024, "鄂州市督查考评办公室",
            Ind("长期", "运行成本", "公用经费控制", "公用经费控制率", "100%"),
            Ind("年度", "运行成本", "公用经费控制", "公用经费控制率", "100%")),
        ProjectSelfEval(2021, "鄂州市督查考评办公室", "督查效能业务",
            Ind(null, "满意度指标", "服务对象满意度指标", "社会公众满意度", "≥95%", "98%")));

    [Fact]
    public void OpeningAFileThatIsNotAnArchive_IsRefusedAndLeavesItUntouched()
    {
        var dir = Directory.CreateTempSubdirectory("jixiao-store-").FullName;
        try
        {
            var path = Path.Combine(dir, "notes.txt");
            File.WriteAllText(path, "not a db");
            Assert.Throws<InvalidDataException>(() => Archive.Open(path));
            Assert.Throws<InvalidDataException>(() => Archive.OpenExisting(path));
            Assert.Equal("not a db", File.ReadAllText(path));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void ASecondWriterIsRefusedWhileTheFirstHoldsTheArchive()
    {
        using var t = new TempArchive();
        var e = Assert.Throws<IOException>(() => Archive.Open(t.DbPath));
        Assert.Contains("being written by another jixiao process", e.Message);
        t.Archive.Dispose();
        Assert.False(File.Exists(t.DbPath + ".lock"));
        using var again = Archive.Open(t.DbPath);
    }

    [Fact]
    public void NameList_IsRebuiltForOlderArchivesAndCheckedByVerify()
    {
        using var t = new TempArchive();
        t.Archive.Write(new[] { t.File("a.txt", "a", TwoForms()) });
        Assert.Equal(2, t.Archive.Names.Count()); // 公用经费控制率 ×2, 社会公众满意度 ×1
        Assert.Equal(2, t.Archive.Names.FindById("公用经费控制率")["count"].AsInt32);

        t.Archive.Names.Upsert(new LiteDB.BsonDocument { ["_id"] = "公用经费控制率", ["count"] = 5 });
        Assert.Contains(t.Archive.Verify().Problems, p => p.Contains("5 indicators named 公用经费控制率, 2 stored"));

        t.Archive.Names.DeleteAll();
        Assert.Equal(2, t.Archive.Search(new SearchQuery { Text = "公用经费" }).Total); // falls back to a scan
        t.Reopen();
        Assert.Equal(2, t.Archive.Names.Count());
        Assert.True(t.Archive.Verify().Ok);
    }
}
