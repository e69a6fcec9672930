using System.Text;
using System.Text.RegularExpressions;
using Jixiao.Extract;
using Jixiao.Ingest;
using Jixiao.Store;
using Jixiao.Tests;
using Xunit.Abstractions;

namespace Jixiao.Robustness.Tests;

/// <summary>
/// Issue 21, case 9: an .mht of 10,000 text/html parts (each a one-row indicator table, generated here) ran
/// 117 s under `--timeout 60`. The per-file time limit binds on such a file, in the read and in the extraction,
/// and an import of it goes on with the rest of the batch. Judged on what the reader and the import report and
/// store, never on the clock: the wall time of a process on a loaded box says nothing about the limit (the
/// 10,000-part import took 34 s once at load ~40, and a 100,000-part read 227 s for 9.6 s of CPU).
/// </summary>
public sealed partial class MhtPartsTests(ITestOutputHelper output)
{
    static string Mht(int parts)
    {
        var mht = new StringBuilder("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"B\"\r\n\r\n");
        mht.Append("--B\r\nContent-Type: text/html; charset=\"utf-8\"\r\n\r\n<html><body><p>2024年项目支出绩效目标表</p><table><tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr></table></body></html>\r\n");
        for (int i = 0; i < parts; i++)
            mht.Append("--B\r\nContent-Type: text/html; charset=\"utf-8\"\r\n\r\n<table><tr><td>产出指标</td><td>数量指标</td>")
               .Append($"<td>第{i}项完成数量</td><td>≥{i}个</td></tr></table>\r\n");
        mht.Append("--B--\r\n");
        return mht.ToString();
    }

    [Fact]
    public void The_read_of_an_mht_of_100000_parts_is_given_up_at_its_time_limit()
    {
        // ~9 s of CPU to parse here (Debug), so no machine reads it within the 1 s limit.
        var bytes = Encoding.UTF8.GetBytes(Mht(100_000));
        var r = DocumentReader.Read(new MemoryStream(bytes), "parts.mht", new DocumentReader.Options { Timeout = TimeSpan.FromSeconds(1) });
        Assert.False(r.Ok, "100,000 parts read within 1 s");
        Assert.Equal("mht", r.Error!.FormatGuess);
        Assert.Matches(@"^gave up after 1 s \(per-file time limit(; the reader did not stop)?\)$", r.Error.Reason);
    }

    [Fact]
    public void Extraction_given_up_on_at_its_time_limit_stops_instead_of_running_on()
    {
        // The parts of a 100,000-part .mht as the reader gives them: a title, then one-row tables (~35 s of
        // extraction CPU here). Before, extraction ignored its token: given up on at the limit, it ran on to the
        // end on a core the next files needed.
        var source = new SourceDocument("parts.mht", "mht");
        source.Blocks.Add(new Paragraph("2024年项目支出绩效目标表"));
        for (int i = 0; i < 100_000; i++)
        {
            var row = new TableRow();
            foreach (var text in new[] { "产出指标", "数量指标", $"第{i}项完成数量", $"≥{i}个" }) row.Cells.Add(new TableCell(text));
            var table = new Table();
            table.Rows.Add(row);
            source.Blocks.Add(table);
        }
        using var ended = new ManualResetEventSlim();
        bool cancelled = false;
        var run = PerFileLimit.Run(token =>
        {
            try { return Extractor.Extract(source, token); }
            catch (OperationCanceledException) { cancelled = true; throw; }
            finally { ended.Set(); }
        }, TimeSpan.FromSeconds(1), 0, "extraction");
        Assert.Matches(@"^gave up after 1 s \(per-file time limit(; the extraction did not stop)?\)$", run.Stopped!);
        // Whether it stopped within the 2 s grace depends on the load; that it stops at all does not. A run to the
        // end would take minutes under load: the wait is only a bound for a broken build.
        Assert.True(ended.Wait(TimeSpan.FromMinutes(5)), "the extraction never ended");
        Assert.True(cancelled, "the extraction ran to its end instead of stopping at its token");
    }

    [Fact]
    public void An_mht_of_10000_parts_is_read_or_given_up_at_its_limit_in_one_line_and_the_batch_goes_on()
    {
        using var tmp = new TempDir();
        var dir = tmp.Sub("src");
        var parts = Path.Combine(dir, "parts.mht");
        File.WriteAllText(parts, Mht(10_000));
        var other = Path.Combine(dir, "dept_target_01.txt");
        File.Copy(Corpus.File("synthetic", "dept_target_01.txt"), other);

        // The issue's limit. ~4 s of CPU for the .mht here: read in a quiet run, given up on at a heavily loaded one;
        // either outcome is right, and both must be reported in one line and leave the batch and the archive sound.
        var r = JixiaoProcess.Run(TimeSpan.FromMinutes(10), "import", dir, "--db", tmp.Db, "--timeout", "60", "--workers", "2");
        output.WriteLine($"exit {r.ExitCode}\n{r.Out}{r.Err}");
        Assert.DoesNotContain("   at ", r.Err);
        Assert.Contains("imported 1,", r.Out); // the other file
        using (var archive = Archive.OpenExisting(tmp.Db)!)
        {
            var docs = archive.AllDocuments().ToDictionary(d => d.Path);
            Assert.Equal(2, docs.Count);
            Assert.Equal(DocumentStatus.Ok, docs[other].Status);
            Assert.True(docs[other].FormsCount > 0);
            var mht = docs[parts];
            output.WriteLine($"parts.mht: {mht.Status} {mht.Error}");
            if (mht.Status == DocumentStatus.Failed)
            {
                Assert.Matches(GaveUp(), mht.Error!);
                Assert.Contains($"parts.mht: failed: {mht.Error}", r.Out); // the import's report says the same
                Assert.Equal(1, r.ExitCode);
            }
            else
            {
                Assert.Contains(mht.Status, new[] { DocumentStatus.Ok, DocumentStatus.NoForms });
                Assert.Equal(0, r.ExitCode);
            }
        }
        var verify = JixiaoProcess.Run(TimeSpan.FromMinutes(5), "verify", "--db", tmp.Db);
        output.WriteLine(verify.Out + verify.Err);
        Assert.Equal(0, verify.ExitCode); // the archive is sound
        var show = JixiaoProcess.Run("show", other, "--db", tmp.Db);
        Assert.Equal(0, show.ExitCode);
        RobustnessSummary.Record("an .mht of 10,000 parts", 1, "read, or given up at its limit in one line; the batch stored (was 117 s under --timeout 60)");
    }

    /// <summary>The time limit's reason for a read or an extraction given up on (the extraction's limit is what
    /// was left of the file's).</summary>
    [GeneratedRegex(@"^(extraction )?gave up(: no time left of the per-file time limit for the extraction| after \d+ s \(per-file time limit(; the (reader|extraction) did not stop)?\))$")]
    private static partial Regex GaveUp();
}
