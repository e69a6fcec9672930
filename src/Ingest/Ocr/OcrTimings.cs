using System.Diagnostics;

namespace Jixiao.Ingest.Ocr;

/// <summary>
/// JIXIAO_TIMINGS=1: where a scanned page's time goes (model load, render, page clean-up, detection, recognition),
/// summed over the pages of a document (thread CPU is not measured: wall per step, pages run in parallel) and
/// printed as one stderr line when the document's reader is disposed.
/// </summary>
internal static class OcrTimings
{
    static readonly bool On = Environment.GetEnvironmentVariable("JIXIAO_TIMINGS") is "1";
    static readonly string[] Steps = { "models", "render", "clean", "rules", "detect", "recognise", "direction" };
    static readonly long[] Ticks = new long[Steps.Length];

    public readonly struct Lap(int step) : IDisposable
    {
        readonly long _start = On ? Stopwatch.GetTimestamp() : 0;
        public void Dispose() { if (On) Interlocked.Add(ref Ticks[step], Stopwatch.GetTimestamp() - _start); }
    }

    public static Lap Time(string step) => new(Array.IndexOf(Steps, step));

    /// <summary>One moment of a page's way (rendered, prepared, read), from the process start: shows what waits for what.</summary>
    public static void Mark(string moment)
    {
        if (!On) return;
        using var self = Process.GetCurrentProcess();
        double wall = (DateTime.Now - self.StartTime).TotalMilliseconds, cpu = self.TotalProcessorTime.TotalMilliseconds;
        Console.Error.WriteLine(FormattableString.Invariant($"timing: ocr  {moment,-16} at {wall,7:0} ms wall, {cpu,6:0} ms cpu"));
    }

    public static void Print()
    {
        if (!On) return;
        var parts = Steps.Select((s, i) => $"{s} {Interlocked.Exchange(ref Ticks[i], 0) * 1000 / Stopwatch.Frequency} ms");
        Console.Error.WriteLine("timing: ocr  " + string.Join(", ", parts) +
            FormattableString.Invariant($"; gc pauses {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms (gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)})"));
    }
}
