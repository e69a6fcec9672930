using System.Diagnostics;

namespace Jixiao.Cli.Bench;

/// <summary>
/// Samples the process working set and managed heap on a timer while a phase runs, so the report can show
/// whether memory stays flat (start / middle / end) instead of only the peak.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    public sealed record Sample(TimeSpan At, long WorkingSet, long ManagedHeap);

    readonly List<Sample> _samples = new();
    readonly Stopwatch _clock = Stopwatch.StartNew();
    readonly Timer _timer;

    public MemorySampler(TimeSpan every)
    {
        Take();
        _timer = new Timer(_ => Take(), null, every, every);
    }

    void Take()
    {
        var s = new Sample(_clock.Elapsed, Environment.WorkingSet, GC.GetTotalMemory(false));
        lock (_samples) _samples.Add(s);
    }

    /// <summary>Stops sampling (one last sample) and returns the samples in time order.</summary>
    public IReadOnlyList<Sample> Stop()
    {
        _timer.Dispose();
        Take();
        lock (_samples) return _samples.ToList();
    }

    public void Dispose() => _timer.Dispose();

    /// <summary>The first sample, the one nearest the middle of the run, and the last.</summary>
    public static (Sample Start, Sample Middle, Sample End, long MaxWorkingSet) Summary(IReadOnlyList<Sample> s)
    {
        var half = s[^1].At / 2;
        var mid = s.MinBy(x => Math.Abs((x.At - half).Ticks))!;
        return (s[0], mid, s[^1], s.Max(x => x.WorkingSet));
    }
}
