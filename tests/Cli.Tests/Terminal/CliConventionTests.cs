using Jixiao.Cli.ConsoleOutput;
using Jixiao.Tests;

namespace Jixiao.Cli.Tests.Terminal;

/// <summary>What a new user meets first: help, typos, exit codes, argument checks, safe output.</summary>
public class CliConventionTests
{
    [Fact]
    public void BareCall_PrintsHelpWithExitCodes_AndExits2()
    {
        var r = JixiaoProcess.Run();
        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.Contains("Usage:", r.Out);
        Assert.Contains("import <paths>", r.Out);
        Assert.Contains("Exit codes: 0 ok, 1 some files failed", r.Out);
        Assert.Contains("130 interrupted", r.Out);
        Assert.DoesNotContain("Required command was not provided", r.Err);
    }

    [Fact]
    public void UnknownCommand_SuggestsTheNearOne()
    {
        var r = JixiaoProcess.Run("searh", "满意度");
        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.Contains("unknown command 'searh'", r.Err);
        Assert.Contains("did you mean: jixiao search?", r.Err);
        Assert.Equal(new[] { "import" }, CommandSuggestion.For("imprt", new[] { "import", "export", "extract" }));
        Assert.Equal(new[] { "report" }, CommandSuggestion.For("reoprt", new[] { "import", "report", "export" }));
        Assert.Empty(CommandSuggestion.For("x", new[] { "import", "show" }));
    }

    [Theory]
    [InlineData("search", "--limit", "-5")]
    [InlineData("import", "--workers", "0", ".")]
    [InlineData("import", "--timeout", "0", ".")]
    public void BadArgumentValues_AreUsageErrors(params string[] args)
    {
        using var t = new TempDir();
        var r = JixiaoProcess.Run(new[] { "--db", t.Db }.Concat(args).ToArray());
        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.Contains(args[1], r.Err);
        Assert.False(File.Exists(t.Db));
    }

    [Fact]
    public void Help_PrintsEachDefaultOnce()
    {
        foreach (var cmd in new[] { "import", "search", "export", "train" })
        {
            var help = JixiaoProcess.Run(cmd, "--help").Out;
            Assert.Contains("[default:", help);
            foreach (var line in help.Split('\n'))
                Assert.True(line.IndexOf("default", StringComparison.OrdinalIgnoreCase) == line.LastIndexOf("default", StringComparison.OrdinalIgnoreCase), line);
        }
    }

    [Fact]
    public void Extract_WithoutJson_PrintsEachFormsKindYearOwnerAndCounts()
    {
        var r = JixiaoProcess.Run("extract", Corpus.File("seeds", "001_91b75e353b5723c9.txt"));
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("001_91b75e353b5723c9.txt (text): 3 form(s), 8 indicator(s)", r.Out);
        Assert.Contains("kind", r.Out);
        Assert.Equal(3, r.Out.Split('\n').Count(l => l.Contains("项目支出绩效自评表") && l.Contains("2021") && l.Contains("鄂州市督查考评办公室")));
    }

    [Fact]
    public void AFileNameWithControlCharacters_CannotForgeSummaryLinesOrDriveTheTerminal()
    {
        using var t = new TempDir();
        var folder = t.Sub("in");
        // A newline and an OSC title sequence in the name; the file itself has no form (listed with --list-no-forms).
        var evil = "a\nimported 999, replaced 0\u001b]0;owned\u0007.txt";
        File.WriteAllText(Path.Combine(folder, evil), "nothing here");
        var r = JixiaoProcess.Run("--db", t.Db, "import", folder, "--list-no-forms");
        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain("\u001b", r.Out + r.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0007", r.Out + r.Err, StringComparison.Ordinal);
        Assert.Single(r.Out.Split('\n'), l => l.StartsWith("imported ", StringComparison.Ordinal));
        Assert.Contains("a\\x0Aimported 999, replaced 0\\x1B]0;owned\\x07.txt", r.Out);
        Assert.Equal("x\\x1B[2Jy\\x9B", TerminalText.Safe("x\u001b[2Jy\u009b"));
        Assert.Equal("tab\tkept", TerminalText.Safe("tab\tkept"));
    }
}
