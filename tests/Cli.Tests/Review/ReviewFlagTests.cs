using System.Text;
using System.Text.Json;
using Jixiao.Extract;
using Jixiao.Tests;

namespace Jixiao.Cli.Tests.Review;

/// <summary>Values that cannot be what their column says are stored flagged, shown as such, and kept out of target searches.</summary>
public class ReviewFlagTests
{
    [Theory]
    [InlineData("服务对象满意度", "290%", "comparator misread as digit? target 290%")]
    [InlineData("公用经费控制率", "798%", "comparator misread as digit? target 798%")]
    [InlineData("项目验收合格率", "150%", "share over 100%: target 150%")]
    [InlineData("群众满意度", "≥90%", null)]
    [InlineData("群众满意度", "100%", null)]
    [InlineData("收入增长率", "250%", null)]         // growth may exceed 100 %
    [InlineData("新建道路长度", "300%", null)]       // the digit after 3 is 0: not a misread comparator, not a share
    [InlineData("新建道路长度", "12公里", null)]
    [InlineData("群众满意度", null, null)]
    public void Plausibility_FlagsImpossibleShares(string name, string? value, string? reason) =>
        Assert.Equal(reason, Plausibility.Problem(name, "target", value));

    [Fact]
    public void FlaggedValues_AreStoredShownAndSkippedByTargetSearch()
    {
        using var t = new TempDir();
        var folder = t.Sub("in");
        ScanLikeSeed.Write(folder);
        Assert.Equal(0, JixiaoProcess.Run("--db", t.Db, "import", folder).ExitCode);

        JsonElement Hits(params string[] extra) =>
            JsonDocument.Parse(JixiaoProcess.Run(new[] { "--db", t.Db, "search", "控制率", "--json", "--limit", "1000" }.Concat(extra).ToArray()).Out).RootElement;
        var all = Hits();
        var flagged = all.EnumerateArray().Where(h => h.GetProperty("review").GetBoolean()).ToList();
        Assert.Equal(2, flagged.Count);
        Assert.Contains(flagged, h => h.GetProperty("target").GetString() == "290%" &&
            h.GetProperty("reviewReasons")[0].GetString() == "comparator misread as digit? target 290%");
        Assert.All(all.EnumerateArray(), h => Assert.Equal(JsonValueKind.Number, h.GetProperty("confidence").ValueKind));

        var skipping = Hits("--target", ">=95%");
        Assert.DoesNotContain(skipping.EnumerateArray(), h => h.GetProperty("review").GetBoolean());
        Assert.True(skipping.GetArrayLength() > 0);
        var including = Hits("--target", ">=95%", "--include-review");
        Assert.Equal(skipping.GetArrayLength() + 2, including.GetArrayLength());

        var table = JixiaoProcess.Run("--db", t.Db, "search", "公用经费控制率");
        Assert.Contains("review: comparator misread as digit? target 290%", table.Out);
        Assert.Contains("conf", table.Out.Split('\n')[0]);

        // show and the report name the flag beside the value, too.
        var show = JixiaoProcess.Run("--db", t.Db, "show", "scan-like.txt");
        Assert.True(show.ExitCode == 0, show.Err);
        Assert.Contains("share over 100%: target 150%", show.Out);
        var reportDir = Path.Combine(t.Path, "report");
        Assert.Equal(0, JixiaoProcess.Run("--db", t.Db, "report", "--all", "--out", reportDir).ExitCode);
        var page = Directory.GetFiles(reportDir, "*.html").Where(f => !f.EndsWith("index.html")).Select(File.ReadAllText).Single();
        Assert.Contains("comparator misread as digit? target 290%", page);

        var csv = Path.Combine(t.Path, "facts.csv");
        Assert.Equal(0, JixiaoProcess.Run("--db", t.Db, "export", "--format", "csv", "--out", csv, "--what", "indicators").ExitCode);
        var rows = Export.Csv.ToDictionaries(Export.Csv.Parse(File.ReadAllText(csv, Encoding.UTF8).TrimStart('\uFEFF')));
        var bad = rows.Single(r => r["target"] == "150%");
        Assert.Equal(("yes", "share over 100%: target 150%"), (bad["review"], bad["review_reasons"]));
        Assert.Equal("", rows.First(r => r["target"] == "100%")["review"]);
    }
}
