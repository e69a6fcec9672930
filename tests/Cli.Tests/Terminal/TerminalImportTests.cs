using Jixiao.Tests;

namespace Jixiao.Cli.Tests.Terminal;

/// <summary>The README's main job typed in a terminal: stderr is a tty, so progress redraws in place.</summary>
public class TerminalImportTests
{
    [Fact]
    public void ImportUnderAPty_DrawsProgressAndExitsZero()
    {
        Assert.True(PtyProcess.Available, "util-linux `script` is needed to give jixiao a pseudo-terminal");
        using var t = new TempDir();
        var folder = t.Sub("in");
        foreach (var f in Directory.GetFiles(Corpus.File("seeds"), "*.txt").Concat(Directory.GetFiles(Corpus.File("synthetic"), "*.txt")))
            File.Copy(f, Path.Combine(folder, Path.GetFileName(f)));
        // --batch 1: the writer reports progress after every file, so the redraw runs while files remain.
        var r = PtyProcess.Run(TimeSpan.FromMinutes(2), "--db", t.Db, "import", folder, "--batch", "1", "--workers", "1");
        Assert.DoesNotContain("Unhandled exception", r.Screen);
        Assert.True(r.ExitCode == 0, r.Screen);
        Assert.Contains("\rimport ", r.Screen, StringComparison.Ordinal);
        Assert.Contains("imported 4,", r.Screen);

        var search = PtyProcess.Run(TimeSpan.FromMinutes(1), "--db", t.Db, "search", "满意度", "--year", "2019..2026");
        Assert.True(search.ExitCode == 0, search.Screen);
        Assert.Contains("满意度", search.Screen);
    }
}
