using System.Diagnostics;
using System.Text;
using Jixiao.Tests;
using Xunit.Abstractions;

namespace Jixiao.Robustness.Tests;

/// <summary>
/// Issue 21, case 9: an .mht of 10,000 text/html parts (each a one-row indicator table, generated here) ran
/// 117 s under `--timeout 60`. The whole import — parsing and extraction — must end within the per-file limit,
/// with the file either read or recorded as over the limit in one line, and the batch going on.
/// </summary>
public sealed class MhtPartsTests(ITestOutputHelper output)
{
    [Fact]
    public void An_mht_of_10000_parts_ends_within_its_timeout_and_the_batch_goes_on()
    {
        using var tmp = new TempDir();
        var dir = tmp.Sub("src");
        var mht = new StringBuilder("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"B\"\r\n\r\n");
        mht.Append("--B\r\nContent-Type: text/html; charset=\"utf-8\"\r\n\r\n<html><body><p>2024年项目支出绩效目标表</p><table><tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr></table></body></html>\r\n");
        for (int i = 0; i < 10_000; i++)
            mht.Append("--B\r\nContent-Type: text/html; charset=\"utf-8\"\r\n\r\n<table><tr><td>产出指标</td><td>数量指标</td>")
               .Append($"<td>第{i}项完成数量</td><td>≥{i}个</td></tr></table>\r\n");
        mht.Append("--B--\r\n");
        File.WriteAllText(Path.Combine(dir, "parts.mht"), mht.ToString());
        File.Copy(Corpus.File("synthetic", "dept_target_01.txt"), Path.Combine(dir, "dept_target_01.txt"));

        const int timeout = 5;
        var sw = Stopwatch.StartNew();
        var r = JixiaoProcess.Run(TimeSpan.FromMinutes(3), "import", dir, "--db", tmp.Db, "--timeout", timeout.ToString(), "--workers", "2");
        var took = sw.Elapsed;
        output.WriteLine($"{took.TotalSeconds:0.0} s\n{r.Out}{r.Err}");
        Assert.DoesNotContain("   at ", r.Err);
        Assert.Contains("imported 1,", r.Out); // the other file
        Assert.Contains("parts.mht", r.Out + r.Err); // read, or one line: over the limit
        // The process as a whole: the limit, plus start-up and the other file, on a loaded 2-core box.
        Assert.True(took < TimeSpan.FromSeconds(timeout + 25), $"import took {took.TotalSeconds:0} s under --timeout {timeout}");
        var show = JixiaoProcess.Run("show", Path.Combine(dir, "dept_target_01.txt"), "--db", tmp.Db);
        Assert.Equal(0, show.ExitCode); // the other file of the batch is stored
        var log = JixiaoProcess.Run("show", Path.Combine(dir, "parts.mht"), "--db", tmp.Db);
        output.WriteLine(log.Out + log.Err);
        Assert.Contains("parts.mht", log.Out + log.Err);
        RobustnessSummary.Record("an .mht of 10,000 parts", 1, $"import ended in {took.TotalSeconds:0} s under --timeout {timeout} (was 117 s under --timeout 60)");
    }
}
