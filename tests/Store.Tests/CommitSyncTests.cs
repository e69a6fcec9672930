using static Jixiao.Store.Tests.Sample;

namespace Jixiao.Store.Tests;

/// <summary>
/// The writer's log is synced to disk before and after each commit's confirm page (CommitSyncedLog), not after
/// every page as LiteDB's writer queue did; what was committed is read back after the archive is reopened.
/// (A SIGKILLed import replaying its log: Robustness.Tests CrashSafetyTests.)
/// </summary>
public class CommitSyncTests
{
    static ImportItem[] Batch(TempArchive t, int n, int from = 0) => Enumerable.Range(from, n).Select(i => t.File($"f{i}.txt", "text " + i,
        Doc(DepartmentForm(2024, "部门" + i,
            Enumerable.Range(0, 30).Select(k => Ind("年度", "产出指标", "数量指标", $"指标{i}-{k}", k + "个")).ToArray())))).ToArray();

    [Fact]
    public void ThreeBatches_AreSyncedAtMostTwicePerCommit_NotOncePerPage()
    {
        using var t = new TempArchive();
        for (int b = 0; b < 3; b++)
            Assert.All(t.Archive.Write(Batch(t, 40, b * 40)), o => Assert.Equal(WriteAction.Imported, o.Action));
        var log = t.Archive.WriterLog!;
        t.Reopen(); // closing waits for LiteDB's writer queue, then folds the log into the data file (one more sync)
        Assert.True(log.Confirms >= 3, $"three commits at least (opening the archive commits its indexes too), got {log.Confirms}");
        Assert.True(log.Pages > 100, $"120 documents span many log pages, got {log.Pages}");
        Assert.True(log.Syncs <= 2 * log.Confirms + 1, $"{log.Syncs} syncs for {log.Confirms} commits ({log.Pages} pages)");
        Assert.Equal(120, t.Archive.Counts().Documents);
        Assert.Equal(3600, t.Archive.Counts().Indicators);
        Assert.True(t.Archive.Verify().Ok);
    }
}
