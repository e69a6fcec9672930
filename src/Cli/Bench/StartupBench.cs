using System.Diagnostics;
using System.Globalization;

namespace Jixiao.Cli.Bench;

/// <summary>
/// Start-up as a user feels it: `jixiao extract FILE --json` on one small file, whole process, several runs
/// (median and fastest), beside `jixiao --version` (the runtime's own start, the floor no command goes under).
/// </summary>
internal static class StartupBench
{
    public static void Run(BenchReport report, string file, int runs, Action<string> log)
    {
        var s = report.Add("Start-up: one small file, whole process", "command", "runs", "median wall", "fastest wall", "median cpu", "target");
        log($"start-up: {runs} runs of `jixiao extract {Path.GetFileName(file)} --json` and of `jixiao --version`");
        Time(new[] { "--version" }); // the first start reads the files from disk; what follows is what a user sees on the second call
        var version = Enumerable.Range(0, runs).Select(_ => Time(new[] { "--version" })).ToList();
        var extract = Enumerable.Range(0, runs).Select(_ => Time(new[] { "extract", file, "--json" })).ToList();
        s.Row("jixiao --version", runs.ToString(CultureInfo.InvariantCulture), Ms(Median(version.Select(v => v.Wall))), Ms(version.Min(v => v.Wall)), Ms(Median(version.Select(v => v.Cpu))), "-");
        s.Row($"jixiao extract {Path.GetFileName(file)} --json", runs.ToString(CultureInfo.InvariantCulture), Ms(Median(extract.Select(v => v.Wall))),
            Ms(extract.Min(v => v.Wall)), Ms(Median(extract.Select(v => v.Cpu))), "≤ 200 ms wall");
        var median = Median(extract.Select(v => v.Wall));
        s.Note($"#20 target (whole process): the one-file extract takes {PeerBench.Times(median, Target)} of the 200 ms target (at most 1.00x), " +
               $"{PeerBench.Times(median, Median(version.Select(v => v.Wall)))} the runtime's own start (`--version`).");
        s.Note($"{Environment.ProcessPath}: publish with scripts/publish (self-contained composite ReadyToRun, tiered compilation off) for the figure a user gets; `dotnet jixiao.dll`, a framework-dependent ReadyToRun build and a Debug build start slower.");
        s.Note("JIXIAO_TIMINGS=1 jixiao extract FILE --json prints the phases (runtime start, command line, read, extract, JSON) of one run.");
    }

    static readonly TimeSpan Target = TimeSpan.FromMilliseconds(200);

    sealed record Timing(TimeSpan Wall, TimeSpan Cpu);

    static Timing Time(string[] args)
    {
        var run = SelfCommand.Run(args);
        return new Timing(run.Wall, run.Cpu ?? TimeSpan.Zero);
    }

    static TimeSpan Median(IEnumerable<TimeSpan> ts)
    {
        var sorted = ts.OrderBy(t => t).ToList();
        return sorted[sorted.Count / 2];
    }

    static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
