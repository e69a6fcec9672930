using Jixiao.Tests;

namespace Jixiao.Robustness.Tests;

/// <summary>`jixiao verify` on an untouched archive reports nothing; a deleted source file is reported.</summary>
public sealed class VerifyTests
{
    static string ImportSome(TempDir tmp)
    {
        var dir = tmp.Sub("files");
        foreach (var f in new[] { "proj_self_01.docx", "dept_target_01.txt", "proj_target_02.xlsx", "transfer_01.html" })
            File.Copy(Corpus.File("synthetic", f), Path.Combine(dir, f));
        File.Copy(Corpus.File("synthetic", "proj_self_01.docx"), Path.Combine(dir, "copy of proj_self_01.docx"));
        var r = JixiaoProcess.Run(TimeSpan.FromMinutes(2), "import", dir, "--db", tmp.Db);
        Assert.True(r.ExitCode == 0, r.Out + r.Err);
        return dir;
    }

    [Fact]
    public void Untouched_archive_verifies_with_no_problems()
    {
        using var tmp = new TempDir();
        ImportSome(tmp);
        var v = JixiaoProcess.Run(TimeSpan.FromMinutes(1), "verify", "--db", tmp.Db);
        Assert.True(v.ExitCode == 0, v.Out);
        Assert.Contains("files: 0 missing, 0 changed since import", v.Out);
        Assert.DoesNotContain("problem", v.Out);
        Assert.EndsWith("ok", v.Out.TrimEnd());
    }

    [Fact]
    public void Deleted_and_changed_source_files_are_reported()
    {
        using var tmp = new TempDir();
        var dir = ImportSome(tmp);
        File.Delete(Path.Combine(dir, "dept_target_01.txt"));
        File.AppendAllText(Path.Combine(dir, "transfer_01.html"), "<!-- edited -->");
        var v = JixiaoProcess.Run(TimeSpan.FromMinutes(1), "verify", "--db", tmp.Db);
        Assert.Equal(1, v.ExitCode);
        Assert.Contains("files: 1 missing, 1 changed since import", v.Out);
        Assert.Contains("problem: missing on disk: " + Path.Combine(dir, "dept_target_01.txt"), v.Out);
        Assert.Contains("problem: changed on disk since import: " + Path.Combine(dir, "transfer_01.html"), v.Out);
        Assert.Contains("2 problem(s)", v.Out);
    }
}
