using System.Text.RegularExpressions;
using Jixiao.Tests;

namespace Jixiao.Cli.Tests.Report;

/// <summary>The report's pages as files: grids with merges, links, the index over an archive, the history chart.</summary>
public sealed class ReportPagesTests : IDisposable
{
    readonly TempDir _t = new();

    public void Dispose() => _t.Dispose();

    static int Count(string html, string pattern) => Regex.Matches(html, pattern).Count;

    [Fact]
    public void FilePage_DrawsMergedGridAndLinksEveryIndicatorAndBudgetFact()
    {
        var dir = _t.Sub("rep");
        var r = JixiaoProcess.Run("report", Corpus.File("synthetic", "proj_self_01.docx"), "--out", dir);
        Assert.True(r.ExitCode == 0, r.Err);
        var html = File.ReadAllText(Path.Combine(dir, "doc-001.html"));
        Assert.DoesNotContain("<link", html);           // self-contained: no outside stylesheet or script
        Assert.DoesNotContain("src=\"http", html);
        Assert.Contains("rowspan=", html);
        Assert.Contains("colspan=", html);
        // The gold file lists 13 indicators and 18 budget facts for this form: each one linked to a drawn cell.
        var indicators = Regex.Match(html, "<table class=\"facts indicators\">.*?</table>", RegexOptions.Singleline).Value;
        Assert.Equal(13, Count(indicators, "<tr id=\"f1-x\\d+\" class=\"fact\" data-src=\"c-\\d+-\\d+-\\d+\""));
        var budget = Regex.Match(html, "<table class=\"facts budget\">.*?</table>", RegexOptions.Singleline).Value;
        Assert.Equal(Count(budget, "<tr id="), Count(budget, "data-src=\"c-"));
        foreach (Match m in Regex.Matches(html, "data-src=\"([^\"]+)\""))
            Assert.Contains($"id=\"{m.Groups[1].Value}\"", html);
        var index = File.ReadAllText(Path.Combine(dir, "index.html"));
        Assert.Contains("href=\"doc-001.html\"", index);
        Assert.Matches("<td class=\"num\">1</td><td class=\"num\">13</td>", index);
    }

    [Fact]
    public void MultiFormFile_EachFormOwnsItsTitleLineAndTable()
    {
        var dir = _t.Sub("rep");
        var r = JixiaoProcess.Run("report", Corpus.File("synthetic", "multi_self_01.mht"), "--out", dir);
        Assert.True(r.ExitCode == 0, r.Err);
        var html = File.ReadAllText(Path.Combine(dir, "doc-001.html"));
        var form1 = Regex.Match(html, "<section class=\"form\" id=\"form-1\">.*?</section>", RegexOptions.Singleline).Value;
        var form2 = Regex.Match(html, "<section class=\"form\" id=\"form-2\">.*?</section>", RegexOptions.Singleline).Value;
        Assert.Contains("法律援助专项经费", form1);
        Assert.DoesNotContain("2023年度普法宣传经费项目自评表</p>", form1);
        Assert.Contains("2023年度普法宣传经费项目自评表</p>", form2);
        Assert.Equal(1, Count(form1, "<table class=\"grid\""));
        Assert.Equal(1, Count(form2, "<table class=\"grid\""));
        // 13 indicators each, all linked to a cell of their own form's copy of the table.
        var indicators2 = Regex.Match(form2, "<table class=\"facts indicators\">.*?</table>", RegexOptions.Singleline).Value;
        Assert.Equal(13, Count(indicators2, "class=\"fact\" data-src=\"c-\\d+-\\d+-\\d+\""));
    }

    [Fact]
    public void All_ListsFailedDocumentsWithReason_AndShowsFactsOfAMissingFile()
    {
        var src = _t.Sub("in");
        File.Copy(Corpus.File("synthetic", "proj_self_01.docx"), Path.Combine(src, "proj_self_01.docx"));
        var seed = Path.Combine(src, "000_337716242a9e81d2.txt");
        File.Copy(Corpus.File("seeds", "000_337716242a9e81d2.txt"), seed);
        File.WriteAllBytes(Path.Combine(src, "broken.docx"), "PK\u0003\u0004 not really a zip"u8.ToArray());
        JixiaoProcess.Run("--db", _t.Db, "import", src);
        File.Delete(seed);

        var dir = _t.Sub("rep");
        var r = JixiaoProcess.Run("--db", _t.Db, "report", "--all", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Err);
        var index = File.ReadAllText(Path.Combine(dir, "index.html"));
        Assert.Contains("3 document(s)", index);
        var brokenRow = Regex.Match(index, "<tr><td><a href=\"(doc-\\d+\\.html)\">broken.docx</a>.*?</tr>").Value;
        Assert.Contains("<span class=\"status failed\">failed</span>", brokenRow);
        Assert.Contains("zip", brokenRow);                 // the one-line reason
        // Failed documents come before the ok ones.
        Assert.True(index.IndexOf("broken.docx", StringComparison.Ordinal) < index.IndexOf("proj_self_01.docx", StringComparison.Ordinal));

        var seedPage = Regex.Match(index, "<a href=\"(doc-\\d+\\.html)\">000_337716242a9e81d2.txt</a>").Groups[1].Value;
        var html = File.ReadAllText(Path.Combine(dir, seedPage));
        Assert.Contains("no longer at this path", html);
        Assert.Contains("公用经费控制率", html);
        Assert.DoesNotContain("<table class=\"grid\"", html);
    }

    [Fact]
    public void History_DrawsTargetsAndActualsPerYear()
    {
        JixiaoProcess.Run("--db", _t.Db, "import", Corpus.File("seeds"));
        var dir = _t.Sub("rep");
        var r = JixiaoProcess.Run("--db", _t.Db, "report", "--history", "公用经费控制率", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Err);
        var html = File.ReadAllText(Path.Combine(dir, "history.html"));
        Assert.Contains("<svg", html);
        Assert.Contains("<polyline class=\"target\"", html);
        // The 2024 annual row: target 100%, earlier years 2022 and 2023 at 100% drawn as actuals.
        Assert.Contains("<title>2024 target 100</title>", html);
        Assert.Contains("<title>2022 actual 100</title>", html);
        Assert.Contains("<title>2023 actual 100</title>", html);
    }
}
