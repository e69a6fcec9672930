using System.Text.Json;
using Jixiao.Store;
using Jixiao.Tests;

namespace Jixiao.Cli.Tests;

/// <summary>The real pipeline: the jixiao binary imports corpus files into a temp archive, then searches it.</summary>
public class ImportEndToEndTests
{
    [Fact]
    public void ImportSeeds_ThenSearch_FindsTheControlRateOfBothScopes()
    {
        using var t = new TempDir();
        var import = JixiaoProcess.Run("--db", t.Db, "import", Corpus.File("seeds"));
        Assert.True(import.ExitCode == 0, import.Out + import.Err);
        Assert.Contains("imported 2,", import.Out);

        var search = JixiaoProcess.Run("--db", t.Db, "search", "公用经费控制率", "--year", "2024", "--json");
        Assert.Equal(0, search.ExitCode);
        using var json = JsonDocument.Parse(search.Out);
        var hits = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, hits.Count);
        Assert.Equal(new[] { "年度", "长期" }, hits.Select(h => h.GetProperty("scope").GetString()!).Order());
        Assert.All(hits, h =>
        {
            Assert.Equal("鄂州市督查考评办公室", h.GetProperty("department").GetString());
            Assert.Equal("100%", h.GetProperty("target").GetString());
            Assert.Equal(2024, h.GetProperty("year").GetInt32());
            Assert.Equal("公用经费控制率", h.GetProperty("level3").GetString());
        });

        var table = JixiaoProcess.Run("--db", t.Db, "search", "公用经费控制率", "--year", "2024");
        Assert.Equal(2, table.Out.Split('\n').Count(l => l.Contains("鄂州市督查考评办公室") && l.Contains("100%")));
    }

    [Fact]
    public void ImportSeedsTwice_SecondRunChangesNothing()
    {
        using var t = new TempDir();
        Assert.Equal(0, JixiaoProcess.Run("--db", t.Db, "import", Corpus.File("seeds")).ExitCode);
        var again = JixiaoProcess.Run("--db", t.Db, "import", Corpus.File("seeds"));
        Assert.Equal(0, again.ExitCode);
        Assert.StartsWith("nothing new: 2 file(s) unchanged; archive holds ", again.Out);
        Assert.DoesNotContain("forms 0, indicators 0", again.Out);
        var verify = JixiaoProcess.Run("--db", t.Db, "verify");
        Assert.True(verify.ExitCode == 0, verify.Out);
    }

    [Fact]
    public void ImportFolderWithBadFiles_RecordsEachErrorAndContinues()
    {
        using var t = new TempDir();
        var folder = t.Sub("in");
        var nested = t.Sub("in/nested");
        File.WriteAllBytes(Path.Combine(folder, "empty.docx"), Array.Empty<byte>());
        File.WriteAllBytes(Path.Combine(nested, "random.docx"), RandomBytes(4096));
        File.Copy(Corpus.File("seeds", "000_337716242a9e81d2.txt"), Path.Combine(nested, "seed.txt"));
        File.Copy(Corpus.File("seeds", "000_337716242a9e81d2.gold.json"), Path.Combine(nested, "seed.gold.json"));

        var r = JixiaoProcess.Run("--db", t.Db, "import", folder, "--list-no-forms");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("empty.docx: empty: file is empty", r.Out);
        Assert.Contains("random.docx: failed: ", r.Out);
        using var archive = Archive.OpenExisting(t.Db)!;
        var docs = archive.AllDocuments().ToDictionary(d => d.FileName);
        Assert.Equal(new[] { "empty.docx", "random.docx", "seed.txt" }, docs.Keys.Order());
        Assert.Equal(DocumentStatus.Empty, docs["empty.docx"].Status);
        Assert.Equal(DocumentStatus.Failed, docs["random.docx"].Status);
        Assert.False(string.IsNullOrWhiteSpace(docs["random.docx"].Error));
        Assert.Equal(3, archive.ImportLog().Count);
        archive.Dispose();

        var show = JixiaoProcess.Run("--db", t.Db, "show", Path.Combine(nested, "random.docx"));
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("status failed, 0 form(s)", show.Out);
        Assert.Contains("error: " + docs["random.docx"].Error, show.Out);

        // A re-run skips unchanged files, failed ones included (and says so); --retry-failed reads them again.
        var again = JixiaoProcess.Run("--db", t.Db, "import", folder);
        Assert.Equal(0, again.ExitCode);
        Assert.StartsWith("nothing new: 3 file(s) unchanged;", again.Out);
        Assert.Contains("2 unchanged file(s) failed or gave no form in an earlier run", again.Out);
        var retry = JixiaoProcess.Run("--db", t.Db, "import", "--retry-failed", folder);
        Assert.Equal(1, retry.ExitCode);
        Assert.Contains("unchanged 1, duplicates 0, no forms 1, failed 1", retry.Out);
    }

    [Fact]
    public void FilesWithoutAForm_AreListedApart_AndDoNotFailTheRun()
    {
        using var t = new TempDir();
        var folder = t.Sub("budget");
        File.WriteAllText(Path.Combine(folder, "README.md"), "# 2024年部门预算\n\n本目录存放预算公开材料。\n");
        File.WriteAllText(Path.Combine(folder, "预算说明.txt"), "一、部门基本情况\n本部门主要职责是……\n二、收支预算总体情况\n");
        File.Copy(Corpus.File("seeds", "000_337716242a9e81d2.txt"), Path.Combine(folder, "seed.txt"));

        var folded = JixiaoProcess.Run("--db", t.Path + "/folded.db", "import", folder);
        Assert.True(folded.ExitCode == 0, folded.Out + folded.Err);
        Assert.Contains("2 file(s) hold no 绩效表 form (not an error; --list-no-forms lists them)", folded.Out);
        Assert.DoesNotContain("README.md", folded.Out);

        var r = JixiaoProcess.Run("--db", t.Db, "import", folder, "--list-no-forms");

        Assert.True(r.ExitCode == 0, r.Out + r.Err);
        Assert.StartsWith("imported 1, replaced 0, unchanged 0, duplicates 0, no forms 2, failed 0", r.Out);
        Assert.Contains("no 绩效表 form (not an error):", r.Out);
        Assert.Contains("README.md: no-forms: no 绩效表 form found", r.Out);
        Assert.DoesNotContain("failed:", r.Out);
        using var archive = Archive.OpenExisting(t.Db)!;
        var docs = archive.AllDocuments().ToDictionary(d => d.FileName, d => d.Status);
        Assert.Equal(DocumentStatus.NoForms, docs["README.md"]);
        Assert.Equal(DocumentStatus.NoForms, docs["预算说明.txt"]);
        Assert.Equal(DocumentStatus.Ok, docs["seed.txt"]);
        Assert.True(archive.Verify().Ok);
    }

    [Fact]
    public void DryRun_ListsFilesAndWritesNothing()
    {
        using var t = new TempDir();
        var r = JixiaoProcess.Run("--db", t.Db, "import", "--dry-run", Corpus.File("seeds"));
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(2, r.Out.Split('\n').Count(l => l.StartsWith("new ")));
        Assert.DoesNotContain(".gold.json", r.Out);
        Assert.False(File.Exists(t.Db));
    }

    [Fact]
    public void MissingInput_IsAUsageErrorAndCreatesNothing()
    {
        using var t = new TempDir();
        var r = JixiaoProcess.Run("--db", t.Db, "import", Corpus.File("seeds"), Path.Combine(t.Path, "nope.docx"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no such file or folder: " + Path.Combine(t.Path, "nope.docx"), r.Err);
        Assert.False(File.Exists(t.Db), "a mistyped path must not leave an archive behind");
    }

    [Fact]
    public void DbOptionNamingAnotherFile_IsRefusedWithOneLine()
    {
        using var t = new TempDir();
        var notes = Path.Combine(t.Path, "notes.txt");
        File.WriteAllText(notes, "keep me");
        var r = JixiaoProcess.Run("--db", notes, "import", Corpus.File("seeds"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("is not a jixiao archive", r.Err);
        Assert.DoesNotContain("   at ", r.Err);
        Assert.Equal("keep me", File.ReadAllText(notes));
        Assert.Equal(1, JixiaoProcess.Run("--db", notes, "search", "x").ExitCode);
    }

    static byte[] RandomBytes(int n)
    {
        var b = new byte[n];
        new Random(42).NextBytes(b);
        return b;
    }
}
