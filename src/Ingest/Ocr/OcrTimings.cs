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

    public static void Print()
    {
        if (!On) return;
        var parts = Steps.Select((s, i) => $"{s} {Interlocked.Exchange(ref Ticks[i], 0) * 1000 / Stopwatch.Frequency} ms");
        Console.Error.WriteLine("timing: ocr  " + string.Join(", ", parts));
    }
}
