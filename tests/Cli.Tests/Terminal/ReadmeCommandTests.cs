using System.Text.RegularExpressions;
using Jixiao.Tests;

namespace Jixiao.Cli.Tests.Terminal;

/// <summary>
/// Every `dotnet run --project src/Cli …` line of the README, exactly as written (the whole line, `;` and all,
/// through the shell), in a temp folder holding a representative corpus/: once under a pseudo-terminal and
/// once through pipes. Only the `dotnet run --project src/Cli -c Release --` prefix is replaced by the built
/// jixiao, so the test does not rebuild the project per line.
/// </summary>
public class ReadmeCommandTests
{
    static readonly Regex Run = new(@"dotnet run --project src/Cli(?: -c \w+)? --");

    internal static IReadOnlyList<string> Lines()
    {
        var readme = File.ReadAllLines(Path.Combine(Path.GetDirectoryName(Corpus.Root)!, "README.md"));
        var lines = new List<string>();
        bool inShell = false;
        foreach (var l in readme)
        {
            if (l.StartsWith("```")) { inShell = !inShell && l.Trim() == "```sh"; continue; }
            if (inShell && l.StartsWith("dotnet run --project src/Cli")) lines.Add(l.Trim());
        }
        return lines;
    }

    /// <summary>A folder laid out like the repository for the README's relative paths: corpus/ holds the seeds and
    /// the synthetic documents that need no OCR (every other format), so a run takes seconds.</summary>
    internal static string Workspace(TempDir t)
    {
        var root = t.Sub("clone");
        foreach (var (dir, keep) in new (string, Func<string, bool>)[] { ("seeds", _ => true), ("synthetic", f => !f.EndsWith(".pdf")) })
        {
            var to = Directory.CreateDirectory(Path.Combine(root, "corpus", dir)).FullName;
            foreach (var f in Directory.GetFiles(Corpus.File(dir)).Where(keep))
                File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        }
        return root;
    }

    static string AsBuilt(string line) => Run.Replace(line, PtySession.Jixiao());

    [Fact]
    public void ReadmeHasTheMainJobAndTheTour()
    {
        var lines = Lines();
        Assert.Contains(lines, l => l.Contains("-- import corpus") && l.Contains("-- search 满意度"));
        Assert.True(lines.Count >= 5, string.Join("\n", lines));
    }

    [Fact]
    public void EveryReadmeCommand_UnderAPty_ExitsZeroWithReadableOutput()
    {
        Assert.True(PtyProcess.Available, "util-linux `script` is needed to give jixiao a pseudo-terminal");
        using var t = new TempDir();
        var root = Workspace(t);
        foreach (var line in Lines())
        {
            using var s = new PtySession(root, AsBuilt(line));
            int code = s.WaitForExit(TimeSpan.FromMinutes(2));
            var screen = s.Screen;
            Assert.True(code == 0, $"`{line}` exited {code}:\n{screen}");
            Assert.DoesNotContain("Unhandled exception", screen);
            Assert.DoesNotContain("   at ", screen);
            if (line.Contains("-- import corpus"))
            {
                Assert.Contains("\rimport ", screen, StringComparison.Ordinal);
                Assert.Matches(@"imported \d+, .*failed 0", screen);
                Assert.Contains("满意度", screen[screen.IndexOf("this run:", StringComparison.Ordinal)..]);
            }
        }
        Assert.True(File.Exists(Path.Combine(root, "facts.xlsx")));
        Assert.True(File.Exists(Path.Combine(root, "report", "index.html")));
    }

    [Fact]
    public void EveryReadmeCommand_ThroughPipes_ExitsZeroWithoutTerminalCodes()
    {
        using var t = new TempDir();
        var root = Workspace(t);
        foreach (var line in Lines())
        {
            var psi = new System.Diagnostics.ProcessStartInfo("/bin/sh")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
                UseShellExecute = false, WorkingDirectory = root,
            };
            psi.ArgumentList.Add("-c");
            psi.ArgumentList.Add(AsBuilt(line));
            psi.Environment.Remove("JIXIAO_DB");
            using var p = System.Diagnostics.Process.Start(psi)!;
            p.StandardInput.Close();
            var err = p.StandardError.ReadToEndAsync();
            var output = p.StandardOutput.ReadToEnd();
            Assert.True(p.WaitForExit(TimeSpan.FromMinutes(2)), line);
            Assert.True(p.ExitCode == 0, $"`{line}` exited {p.ExitCode}:\n{output}\n{err.Result}");
            Assert.DoesNotContain("\u001b", output + err.Result, StringComparison.Ordinal);
            Assert.DoesNotContain("\r", output + err.Result, StringComparison.Ordinal);
            if (line.Contains("-- import corpus"))
            {
                // Redirected progress: whole lines, the last one at 100 %.
                Assert.Matches(@"(?m)^import (\d+)/\1 \(100%\)", err.Result);
                Assert.Contains("满意度", output);
            }
        }
    }
}
