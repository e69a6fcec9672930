using System.Diagnostics;

namespace Jixiao.Cli.ConsoleOutput;

/// <summary>
/// Import progress on stderr. On a terminal: one line rewritten in place (files, files/s, ETA), at most
/// ten times a second. Redirected: a plain line every <see cref="Every"/> files, so logs stay readable.
/// </summary>
internal sealed class ProgressLine
{
    readonly TextWriter _err;
    readonly bool _terminal;
    readonly int _total;
    readonly Stopwatch _clock = Stopwatch.StartNew();
    // Null until the first draw: a sentinel such as TimeSpan.MinValue overflows when subtracted from.
    TimeSpan? _lastDraw;
    int _lastPrinted;
    int _lastLength;

    public ProgressLine(int total, TextWriter? err = null, bool? terminal = null)
    {
        _total = total;
        _err = err ?? Console.Error;
        _terminal = terminal ?? !Console.IsErrorRedirected;
    }

    public int Every { get; init; } = 100;

    public void Update(int done, int failed)
    {
        if (_terminal)
        {
            var now = _clock.Elapsed;
            if (done < _total && _lastDraw is { } last && now - last < TimeSpan.FromMilliseconds(100)) return;
            _lastDraw = now;
            var line = Format(done, failed);
            _err.Write("\r" + line + new string(' ', Math.Max(0, _lastLength - line.Length)));
            _lastLength = line.Length;
            _err.Flush();
        }
        else if (done - _lastPrinted >= Every || (done == _total && done != _lastPrinted))
        {
            _lastPrinted = done;
            _err.WriteLine(Format(done, failed));
        }
    }

    /// <summary>Ends the in-place line so the summary starts on a fresh line.</summary>
    public void Finish()
    {
        if (_terminal && _lastLength > 0) _err.WriteLine();
    }

    string Format(int done, int failed)
    {
        // The total is an estimate when archives nest archives: never show more done than total.
        int total = Math.Max(_total, done);
        double secs = Math.Max(0.001, _clock.Elapsed.TotalSeconds);
        double rate = done / secs;
        var eta = rate > 0 && done < total ? TimeSpan.FromSeconds((total - done) / rate) : TimeSpan.Zero;
        var pct = total == 0 ? 100 : 100.0 * done / total;
        return $"import {done}/{total} ({pct:0}%)  {rate:0.0} files/s  ETA {Eta(eta)}  failed {failed}";
    }

    static string Eta(TimeSpan t) => t.TotalHours >= 1 ? $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}" : $"{t.Minutes}:{t.Seconds:00}";
}
