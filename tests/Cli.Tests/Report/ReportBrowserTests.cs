using Jixiao.Tests;

namespace Jixiao.Cli.Tests.Report;

/// <summary>
/// The report in a real browser (Debian's chromium, headless): clicking a fact highlights its source cell and
/// clicking a cell highlights its facts. Screenshots land in the test output folder (report-shots/).
/// </summary>
public sealed class ReportBrowserTests
{
    static readonly string Shots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "report-shots")).FullName;

    static string MakeReport(string name)
    {
        var dir = Path.Combine(Shots, Path.GetFileNameWithoutExtension(name));
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        var r = JixiaoProcess.Run("report", Corpus.File("synthetic", name), "--out", dir);
        Assert.True(r.ExitCode == 0, r.Err);
        return Path.Combine(dir, "doc-001.html");
    }

    [Fact]
    public void ClickingAFactHighlightsItsSourceCell_AndACellItsFacts()
    {
        var page = MakeReport("proj_self_01.docx");
        using var chromium = HeadlessChromium.Launch();
        chromium.Navigate(new Uri(page).AbsoluteUri);

        // The source grid keeps the document's merges: 产出指标 spans the output indicator rows.
        Assert.True(chromium.Evaluate("[...document.querySelectorAll('table.grid td')].find(td => td.textContent === '产出指标').rowSpan")!.GetValue<int>() >= 4);

        var fact = chromium.Evaluate("[...document.querySelectorAll('table.indicators tr.fact')].find(tr => tr.textContent.includes('补贴农机具数量')).id")!.GetValue<string>();
        var cell = chromium.Evaluate($"document.getElementById('{fact}').dataset.src")!.GetValue<string>();
        Assert.False(chromium.Evaluate($"document.getElementById('{cell}').classList.contains('hl')")!.GetValue<bool>());

        chromium.Click("#" + fact);
        Assert.True(chromium.Evaluate($"document.getElementById('{cell}').classList.contains('hl')")!.GetValue<bool>(), "clicked fact's source cell is not highlighted");
        Assert.Equal("补贴农机具数量", chromium.Evaluate($"document.getElementById('{cell}').textContent")!.GetValue<string>());
        Assert.True(chromium.Evaluate($"document.getElementById('{fact}').classList.contains('hl')")!.GetValue<bool>());
        // Only one link is pinned at a time, and the cell was scrolled into its pane's view.
        Assert.Equal(2, chromium.Evaluate("document.querySelectorAll('td.hl, tr.hl').length")!.GetValue<int>());
        Assert.True(chromium.Evaluate($"(function(){{var c=document.getElementById('{cell}').getBoundingClientRect(),p=document.getElementById('{cell}').closest('.pane').getBoundingClientRect();return c.top>=p.top&&c.bottom<=p.bottom;}})()")!.GetValue<bool>());
        chromium.Screenshot(Path.Combine(Shots, "proj_self_01-fact-click.png"));

        // The other way: the budget cell 167.26 (全年预算数 of 年度资金总额) points at its fact.
        var budgetCell = chromium.Evaluate("[...document.querySelectorAll('table.grid td[data-facts]')].find(td => td.textContent === '167.26').id")!.GetValue<string>();
        chromium.Click("#" + budgetCell);
        var lit = chromium.Evaluate("[...document.querySelectorAll('table.budget tr.hl')].map(tr => tr.textContent)")!.AsArray();
        Assert.Single(lit);
        Assert.Equal("年度资金总额全年预算数167.26", lit[0]!.GetValue<string>());
        Assert.False(chromium.Evaluate($"document.getElementById('{cell}').classList.contains('hl')")!.GetValue<bool>());
        chromium.Screenshot(Path.Combine(Shots, "proj_self_01-cell-click.png"));

        var png = File.ReadAllBytes(Path.Combine(Shots, "proj_self_01-fact-click.png"));
        Assert.True(png.Length > 10_000);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
    }
}
