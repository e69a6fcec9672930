using System.Text.RegularExpressions;
using Jixiao.Tests;

namespace Jixiao.Cli.Tests.Terminal;

/// <summary>Ctrl-C typed into the terminal during an import: the summary, exit 130, and a re-run that resumes.</summary>
public class InterruptTests
{
    [Fact]
    public void CtrlC_PrintsTheSummaryExits130_AndTheNextRunResumes()
    {
        Assert.True(PtyProcess.Available, "util-linux `script` is needed to give jixiao a pseudo-terminal");
        using var t = new TempDir();
        // Enough readable documents that one worker is still busy when Ctrl-C arrives: the Word files of
        // doc-wild (damaged and encrypted ones left out, so the resumed run can end clean) in three folders.
        var sources = Directory.GetFiles(Corpus.File("doc-wild"), "*.docx").Take(30).ToList();
        foreach (var copy in new[] { "a", "b", "c" })
        {
            var to = t.Sub(Path.Combine("in", copy));
            foreach (var f in sources) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        }
        var folder = Path.Combine(t.Path, "in");
        var args = new[] { "--db", t.Db, "import", folder, "--workers", "1", "--batch", "1" };

        int total;
        using (var s = new PtySession(t.Path, PtySession.Jixiao(args)))
        {
            // Wait until some files are written, then press Ctrl-C.
            Assert.True(s.WaitFor(screen => Regex.IsMatch(screen, @"\rimport ([3-9]|\d\d+)/"), TimeSpan.FromMinutes(1)), s.Screen);
            s.PressCtrlC();
            int code = s.WaitForExit(TimeSpan.FromSeconds(60));
            var screen = s.Screen;
            Assert.True(code == 130, $"exit {code}:\n{screen}");
            Assert.Contains("interrupted: files not yet written will be imported by the next run", screen);
            Assert.DoesNotContain("Unhandled exception", screen);
            var m = Regex.Match(screen, @"imported (\d+), replaced 0, unchanged 0, duplicates (\d+), no forms (\d+), failed 0");
            Assert.True(m.Success, screen);
            total = Sum(m, 1, 2, 3);
            Assert.InRange(total, 3, 89);
        }

        var again = JixiaoProcess.Run(args);
        Assert.True(again.ExitCode == 0, again.Out + again.Err);
        var r = Regex.Match(again.Out, @"imported (\d+), replaced 0, unchanged (\d+), duplicates (\d+), no forms (\d+), failed 0");
        Assert.True(r.Success, again.Out);
        // Resumed: what the first run wrote is unchanged, the rest is read now, nothing twice.
        Assert.Equal(total, Sum(r, 2));
        Assert.Equal(90, Sum(r, 1, 2, 3, 4));
    }

    static int Sum(Match m, params int[] groups) => groups.Sum(g => int.Parse(m.Groups[g].Value));
}
