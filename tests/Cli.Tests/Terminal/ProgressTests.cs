using Jixiao.Cli.ConsoleOutput;

namespace Jixiao.Cli.Tests.Terminal;

/// <summary>The progress line's words and timing, including every edge that once threw or misled.</summary>
public class ProgressTests
{
    [Theory]
    [InlineData(0, 0)]                       // nothing to do
    [InlineData(7, 5)]                       // more done than the (estimated) total
    [InlineData(long.MaxValue, 3)]           // huge counts
    [InlineData(3, long.MaxValue)]
    [InlineData(-1, 10)]
    public void Format_NeverThrows_AndNeverShowsMoreThan100Percent(long done, long total)
    {
        foreach (var elapsed in new[] { TimeSpan.Zero, TimeSpan.MinValue, TimeSpan.MaxValue, TimeSpan.FromSeconds(-5) })
            foreach (var rate in new double?[] { null, 0, -1, double.NaN, double.PositiveInfinity, 1e-300, 1e300 })
            {
                var line = ProgressText.Format(done, total, 0, elapsed, rate, "x.docx", 80);
                Assert.StartsWith("import ", line);
                Assert.DoesNotContain("-", line.Replace("x.docx", ""));
                Assert.Matches(@"\((100|\d{1,2})%\)", line);
            }
    }

    [Fact]
    public void Eta_ComesFromTheRecentRate()
    {
        Assert.Contains("ETA 1:40", ProgressText.Format(50, 150, 0, TimeSpan.FromSeconds(10), 1.0, null));
        Assert.Contains("ETA ?", ProgressText.Format(50, 150, 0, TimeSpan.FromSeconds(10), null, null));
        Assert.Contains("ETA 0:00", ProgressText.Format(150, 150, 0, TimeSpan.FromSeconds(10), null, null));
        Assert.Contains("ETA 2:46:40", ProgressText.Format(0, 10_000, 0, TimeSpan.FromSeconds(10), 1.0, null));

        // 100 fast files in the first 10 s, then one file per 10 s: the ETA follows the slow recent rate
        // (the overall rate, 101 files in 20 s, would promise the remaining 100 files in 20 s).
        var rate = new RecentRate { Window = TimeSpan.FromSeconds(8) };
        for (int s = 0; s <= 10; s++) rate.Add(TimeSpan.FromSeconds(s), s * 10);
        rate.Add(TimeSpan.FromSeconds(20), 101);
        var perSecond = rate.PerSecond(TimeSpan.FromSeconds(20), 101)!.Value;
        Assert.InRange(perSecond, 0.05, 0.15);
    }

    [Fact]
    public void Line_IsCutToTheTerminalWidth_CountingCjkAsTwoColumns()
    {
        var name = "/data/2024年/" + string.Concat(Enumerable.Repeat("部门整体支出绩效目标表", 8)) + ".docx";
        var line = ProgressText.Format(12, 300, 1, TimeSpan.FromSeconds(30), 2.5, name, 60);
        Assert.True(TextWidth.Of(line) <= 60, line);
        Assert.StartsWith("import 12/300 (4%)  2.5 files/s  ETA 1:55", line);
        Assert.EndsWith("…", line);
        Assert.DoesNotContain("/data/", line);
    }

    [Fact]
    public void FileName_WithControlCharacters_IsEscaped()
    {
        var line = ProgressText.Format(1, 2, 0, TimeSpan.FromSeconds(1), 1, "a\u001b]0;owned\u0007\nimported 999.docx", 200);
        // Ordinal: a culture-aware search ignores control characters and would find them anywhere.
        Assert.DoesNotContain("\u001b", line, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", line, StringComparison.Ordinal);
        Assert.Contains("\\x1B]0;owned\\x07", line);
    }

    [Fact]
    public void Terminal_RedrawsOneLineInPlace()
    {
        var w = new StringWriter();
        using var p = new ProgressLine(3, w, terminal: true, width: () => 40);
        p.Reading("/in/一.docx");
        p.Update(1, 0);
        p.Tick();
        p.Update(3, 0);
        p.Finish();
        var s = w.ToString();
        Assert.Equal(3, s.Split('\r').Length - 1);
        Assert.EndsWith(Environment.NewLine, s);
        Assert.Single(s.Split(Environment.NewLine), l => l.Length > 0);
        foreach (var draw in s.TrimEnd().Split('\r', StringSplitOptions.RemoveEmptyEntries))
            Assert.True(TextWidth.Of(draw.Replace("\u001b[K", "")) <= 39, draw);
    }

    [Fact]
    public void Redirected_PrintsEveryNFiles()
    {
        var w = new StringWriter();
        var p = new ProgressLine(250, w, terminal: false) { Every = 100 };
        for (int i = 1; i <= 250; i++) p.Update(i, 0);
        var lines = w.ToString().TrimEnd().Split(Environment.NewLine);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("import 100/250 (40%)", lines[0]);
        Assert.StartsWith("import 250/250 (100%)", lines[2]);
    }

    [Fact]
    public void Redirected_PrintsOnTheTimerWhileOneLongFileIsRead()
    {
        // The timer, not a file finishing, prints: a five-minute OCR file must not leave the log silent.
        var inner = new StringWriter();
        var w = TextWriter.Synchronized(inner);
        string Text() { lock (w) return inner.ToString(); }
        string[] Lines() => Text().TrimEnd().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        using (var p = new ProgressLine(40, w, terminal: false) { Interval = TimeSpan.FromMilliseconds(100) }.Start())
        {
            p.Reading("/in/scan.pdf");
            // No Update at all: only the timer can print. (Polled, so a loaded machine only makes it slower.)
            var sw = System.Diagnostics.Stopwatch.StartNew();
            while (Lines().Length < 3 && sw.Elapsed < TimeSpan.FromSeconds(20)) Thread.Sleep(20);
        }
        var lines = Lines();
        Assert.True(lines.Length >= 3, Text());
        Assert.All(lines, l => Assert.StartsWith("import 0/40 (0%)", l));
        Assert.All(lines, l => Assert.EndsWith("scan.pdf", l));
    }
}
