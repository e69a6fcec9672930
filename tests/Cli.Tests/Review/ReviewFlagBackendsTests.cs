using System.Text.Json;
using Jixiao.Tests;

namespace Jixiao.Cli.Tests.Review;

/// <summary>
/// `jixiao search` treats flagged values the same on both archives: the same scan-like seed imported into a LiteDB
/// file and a PostgreSQL database gives the same hits, flags and reasons, with and without --include-review.
/// </summary>
[Collection(PgCollection.Name)]
public sealed class ReviewFlagBackendsTests(PgCluster cluster)
{
    [Fact]
    public void Search_WithAndWithoutIncludeReview_IsTheSameOnLiteDbAndPostgres()
    {
        using var t = new TempDir();
        var folder = t.Sub("in");
        ScanLikeSeed.Write(folder);
        var pg = cluster.NewDatabase();
        foreach (var db in new[] { t.Db, pg })
        {
            var import = JixiaoProcess.Run("--db", db, "import", folder);
            Assert.True(import.ExitCode == 0, import.Err);
        }

        // What a user reads of each hit (ids are each archive's own).
        List<string> Hits(string db, params string[] extra)
        {
            var r = JixiaoProcess.Run(new[] { "--db", db, "search", "控制率", "--json", "--limit", "1000" }.Concat(extra).ToArray());
            Assert.True(r.ExitCode == 0, r.Err);
            return JsonDocument.Parse(r.Out).RootElement.EnumerateArray().Select(h => string.Join("|",
                h.GetProperty("year"), h.GetProperty("scope"), h.GetProperty("name"), h.GetProperty("target"), h.GetProperty("confidence"),
                h.GetProperty("review"), h.GetProperty("reviewReasons"))).ToList();
        }

        var skipping = Hits(pg, "--target", ">=95%");
        var including = Hits(pg, "--target", ">=95%", "--include-review");
        Assert.Equal(Hits(t.Db, "--target", ">=95%"), skipping);
        Assert.Equal(Hits(t.Db, "--target", ">=95%", "--include-review"), including);
        Assert.Equal(Hits(t.Db), Hits(pg));
        Assert.DoesNotContain(skipping, h => h.Contains("|True|"));
        Assert.Equal(2, including.Count(h => h.Contains("|True|")));
        Assert.Equal(skipping.Count + 2, including.Count);

        // The table on PostgreSQL names the flag beside the value, as on LiteDB.
        var table = JixiaoProcess.Run("--db", pg, "search", "公用经费控制率");
        Assert.Contains("review: comparator misread as digit? target 290%", table.Out);
        Assert.Contains("conf", table.Out.Split('\n')[0]);
    }
}
