using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Jixiao.Cli.Bench;

/// <summary>
/// CPU time next to wall time: on a loaded shared machine wall time mostly measures the queue for a core,
/// CPU time the work. Ours: the process's total; peers: getrusage(RUSAGE_CHILDREN), which counts every
/// finished child (and the grandchildren it waited for, e.g. soffice.bin under the soffice launcher).
/// </summary>
internal static class CpuTime
{
    /// <summary>
    /// This process's user+system time. getrusage counts in microseconds; Process.TotalProcessorTime reads
    /// /proc in 10 ms ticks, too coarse for one document that takes a few milliseconds.
    /// </summary>
    public static TimeSpan Self() => Usage(0) ?? Process.GetCurrentProcess().TotalProcessorTime; // RUSAGE_SELF

    /// <summary>User+system time of all waited-for children so far; null where getrusage is unavailable.</summary>
    public static TimeSpan? Children() => Usage(-1); // RUSAGE_CHILDREN

    static TimeSpan? Usage(int who)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return null;
        try
        {
            var u = new RUsage();
            if (getrusage(who, ref u) != 0) return null;
            long micros = u.UtimeSec * 1_000_000 + u.UtimeUsec + u.StimeSec * 1_000_000 + u.StimeUsec;
            return TimeSpan.FromMicroseconds(micros);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return null; }
    }

    [StructLayout(LayoutKind.Sequential)]
    struct RUsage
    {
        public long UtimeSec, UtimeUsec, StimeSec, StimeUsec;
        public long Maxrss, Ixrss, Idrss, Isrss, Minflt, Majflt, Nswap, Inblock, Oublock, Msgsnd, Msgrcv, Nsignals, Nvcsw, Nivcsw;
    }

    [DllImport("libc", SetLastError = true)]
    static extern int getrusage(int who, ref RUsage usage);
}
