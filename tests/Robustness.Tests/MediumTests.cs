using System.Diagnostics;
using Jixiao.Tests;
using Xunit.Abstractions;

namespace Jixiao.Robustness.Tests;

/// <summary>
/// Issue 21: disk full and a read-only medium give their real cause in one line, and the run after space is
/// freed completes. The medium is a real size-capped tmpfs (mounting needs root: CI and this box run as root),
/// filled to a fixed few hundred KB of room, so the import runs out of space at a deterministic point in its
/// first batch. A size-capped stream under LiteDB would test LiteDB's stream, not the file system's ENOSPC.
/// </summary>
public sealed class MediumTests(ITestOutputHelper output)
{
    static bool Run(string file, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(file) { ArgumentList = { }, UseShellExecute = false, RedirectStandardError = true }.With(args))!;
        p.WaitForExit();
        return p.ExitCode == 0;
    }

    [Fact]
    public void Disk_full_then_space_freed_and_read_only_mount()
    {
        if (Environment.UserName != "root" && !Environment.IsPrivilegedProcess)
        {
            output.WriteLine("not root: tmpfs cannot be mounted; this test runs in CI (root)");
            return;
        }
        using var tmp = new TempDir();
        var mnt = tmp.Sub("mnt");
        Assert.True(Run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mnt), "mount tmpfs");
        try
        {
            var src = tmp.Sub("src");
            foreach (var f in new[] { "proj_self_01.docx", "dept_target_02.docx", "transfer_02.xls", "proj_target_02.xlsx", "transfer_01.html", "multi_self_01.mht" })
                File.Copy(Corpus.File("synthetic", f), Path.Combine(src, f));
            var filler = Path.Combine(mnt, "filler");
            File.WriteAllBytes(filler, new byte[2 * 1024 * 1024 - 400 * 1024]);
            var db = Path.Combine(mnt, "archive.db");

            var full = JixiaoProcess.Run("import", src, "--db", db, "--batch", "1", "--workers", "1");
            output.WriteLine(full.Out + full.Err);
            Assert.Equal(1, full.ExitCode);
            Assert.Contains("disk full", full.Err);
            Assert.DoesNotContain("   at ", full.Err);
            Assert.DoesNotContain("another jixiao process", full.Err);

            File.Delete(filler); // space freed: the next run completes
            var again = JixiaoProcess.Run("import", src, "--db", db);
            output.WriteLine(again.Out + again.Err);
            Assert.Equal(0, again.ExitCode);
            Assert.DoesNotContain("   at ", again.Err);
            Assert.Equal(0, JixiaoProcess.Run("verify", "--db", db).ExitCode);

            Assert.True(Run("mount", "-o", "remount,ro", mnt), "remount read-only");
            var ro = JixiaoProcess.Run("import", src, "--db", Path.Combine(mnt, "other.db"));
            output.WriteLine(ro.Out + ro.Err);
            Assert.Equal(1, ro.ExitCode);
            Assert.Contains("read-only file system", ro.Err);
            Assert.DoesNotContain("another jixiao process", ro.Err);
            Assert.Equal(0, JixiaoProcess.Run("search", "满意度", "--db", db).ExitCode); // the archive stays readable
            RobustnessSummary.Record("disk full / read-only medium (tmpfs)", 2, "cause in one line; the run after space is freed completes and verifies");
        }
        finally
        {
            Run("umount", "-l", mnt);
        }
    }
}

static class StartInfoExtensions
{
    public static ProcessStartInfo With(this ProcessStartInfo psi, string[] args)
    {
        foreach (var a in args) psi.ArgumentList.Add(a);
        return psi;
    }
}
