using System.Diagnostics;

namespace Jixiao.Cli.Bench;

/// <summary>
/// JIXIAO_TIMINGS=1: one stderr line per phase of a command (milliseconds since the process started, and the
/// phase's own share, wall and CPU), to see what a short command's time is made of: runtime start before Main,
/// building the command line, the reader, the extractor, the JSON writer. Each line also says how many methods the
/// JIT compiled in the phase and its time doing so: what ReadyToRun did not precompile (generics across assemblies,
/// vectorised framework code) shows there.
/// </summary>
internal static class PhaseClock
{
    static readonly bool On = Environment.GetEnvironmentVariable("JIXIAO_TIMINGS") is "1";
    static double _lastWall, _lastCpu, _lastJit;
    static long _lastMethods;

    public static void Mark(string phase)
    {
        if (!On) return;
        var p = Process.GetCurrentProcess();
        double wall = (DateTime.Now - p.StartTime).TotalMilliseconds, cpu = CpuTime.Self().TotalMilliseconds;
        long methods = System.Runtime.JitInfo.GetCompiledMethodCount();
        double jit = System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds;
        Console.Error.WriteLine(FormattableString.Invariant(
            $"timing: {phase,-14} at {wall,7:0} ms wall, {cpu,6:0} ms cpu  (phase: {wall - _lastWall,6:0} ms wall, {cpu - _lastCpu,6:0} ms cpu, JIT {methods - _lastMethods,4} methods {jit - _lastJit,5:0} ms)"));
        _lastWall = wall;
        _lastCpu = cpu;
        _lastMethods = methods;
        _lastJit = jit;
    }

    /// <summary>A line of detail under the last phase (an import's stage times).</summary>
    public static void Note(string text)
    {
        if (On) Console.Error.WriteLine("timing:   " + text);
    }
}
