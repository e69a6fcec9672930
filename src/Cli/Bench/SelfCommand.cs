using System.Diagnostics;

namespace Jixiao.Cli.Bench;

/// <summary>How to start this same `jixiao` as a child process: its apphost, or `dotnet jixiao.dll` when run that way.</summary>
internal static class SelfCommand
{
    public static ProcessStartInfo Start(params string[] args)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var psi = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") psi.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var a in args) psi.ArgumentList.Add(a);
        return psi;
    }

    /// <summary>One run of this `jixiao` as a child, timed from outside: wall clock, the child's CPU, its output.</summary>
    public sealed record TimedRun(TimeSpan Wall, TimeSpan? Cpu, int ExitCode, string Stdout)
    {
        public string Stderr { get; init; } = "";

        /// <summary>The child's peak working set, read while it ran (0 where the platform does not tell).</summary>
        public long PeakWorkingSet { get; init; }
    }

    public static TimedRun Run(params string[] args) => Run(null, args);

    /// <param name="setup">Changes to the child's start (its working folder, its environment) before it starts.</param>
    public static TimedRun Run(Action<ProcessStartInfo>? setup, params string[] args)
    {
        var psi = Start(args);
        setup?.Invoke(psi);
        var cpu0 = CpuTime.Children();
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync(); // drained so a chatty child never blocks on a full pipe
        // The peak is a high-water mark the kernel keeps: the last look before the child exits sees (nearly) all of it.
        long peak = 0;
        while (!p.WaitForExit(TimeSpan.FromMilliseconds(50)))
            try { p.Refresh(); peak = Math.Max(peak, p.PeakWorkingSet64); }
            catch (InvalidOperationException) { }
        p.WaitForExit();
        var wall = sw.Elapsed;
        return new TimedRun(wall, CpuTime.Children() - cpu0, p.ExitCode, stdout.Result) { PeakWorkingSet = peak, Stderr = stderr.Result };
    }
}
