namespace Jixiao.Cli.ConsoleOutput;

/// <summary>
/// The words of one progress line, from plain numbers: pure, so every edge (no total, more done than the
/// estimated total, no time elapsed, huge counts, a stalled rate) is a unit test and never an exception.
/// </summary>
internal static class ProgressText
{
    /// <param name="rate">Files per second over the recent window (null: not known yet).</param>
    public static string Format(long done, long total, long failed, TimeSpan elapsed, double? rate, string? current, int width = int.MaxValue, string verb = "import")
    {
        done = Math.Max(0, done);
        // The total is an estimate when archives nest archives: never show more done than total.
        total = Math.Max(total, done);
        double pct = total == 0 ? 100 : Math.Clamp(100.0 * done / total, 0, 100);
        var r = rate is { } x && double.IsFinite(x) && x > 0 ? x : (double?)null;
        string eta = done >= total ? "0:00" : r is { } v ? Duration((total - done) / v) : "?";
        var head = $"{verb} {done:N0}/{total:N0} ({pct:0}%)  {(r ?? 0):0.0} files/s  ETA {eta}  {Duration(elapsed.TotalSeconds)} elapsed";
        if (failed > 0) head += $"  failed {failed:N0}";
        var name = string.IsNullOrEmpty(current) ? "" : TerminalText.OneLine(Path.GetFileName(current.TrimEnd('/')));
        var line = name.Length == 0 ? head : head + "  " + name;
        return width <= 0 || TextWidth.Of(line) <= width ? line : TextWidth.Truncate(line, Math.Max(1, width));
    }

    /// <summary>m:ss or h:mm:ss; anything beyond 99 days or not a number reads as a plain "?".</summary>
    public static string Duration(double seconds)
    {
        if (!double.IsFinite(seconds) || seconds < 0 || seconds > 99 * 86400.0) return "?";
        var t = TimeSpan.FromSeconds(Math.Round(seconds));
        return t.TotalHours >= 1 ? $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}" : $"{t.Minutes}:{t.Seconds:00}";
    }
}

/// <summary>
/// Files per second over the last <see cref="Window"/>: an ETA from the overall rate is wrong whenever the
/// mix changes (fast text files first, then minutes of OCR), so the recent rate is used.
/// </summary>
internal sealed class RecentRate
{
    readonly Queue<(TimeSpan At, long Done)> _samples = new();
    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(30);

    public void Add(TimeSpan at, long done)
    {
        if (_samples.Count > 0 && _samples.Last().At == at) return;
        _samples.Enqueue((at, done));
        // Keep one sample older than the window, so the rate spans the whole window.
        while (_samples.Count > 2 && at - _samples.ElementAt(1).At >= Window) _samples.Dequeue();
    }

    /// <summary>Null until two samples lie apart in time.</summary>
    public double? PerSecond(TimeSpan now, long done)
    {
        if (_samples.Count == 0) return null;
        var (at, then) = _samples.Peek();
        var secs = (now - at).TotalSeconds;
        if (secs <= 0.05) return null;
        return Math.Max(0, done - then) / secs;
    }
}
