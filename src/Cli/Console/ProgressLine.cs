using System.Diagnostics;

namespace Jixiao.Cli.ConsoleOutput;

/// <summary>
/// Import progress on stderr. On a terminal: one line redrawn in place (count, rate, ETA, the file being
/// read), cut to the terminal's width, redrawn at most ten times a second and once a second by a timer so a
/// long file still shows time passing. Redirected: a plain line every <see cref="Every"/> files and at least
/// every <see cref="Interval"/> (a timer: a five-minute OCR file still prints), so logs stay alive but short.
/// Never throws: progress must not stop an import.
/// </summary>
internal sealed class ProgressLine : IDisposable
{
    readonly object _gate = new();
    readonly TextWriter _err;
    readonly bool _terminal;
    readonly long _total;
    readonly Stopwatch _clock = Stopwatch.StartNew();
    readonly RecentRate _rate = new();
    readonly Func<int> _width;
    Timer? _timer;
    TimeSpan? _lastDraw;
    TimeSpan _lastPrintedAt;
    long _done, _failed, _lastPrinted = -1;
    string? _current;
    bool _drawn, _finished;

    public ProgressLine(long total, TextWriter? err = null, bool? terminal = null, Func<int>? width = null)
    {
        _total = Math.Max(0, total);
        _err = err ?? Console.Error;
        _terminal = terminal ?? !Console.IsErrorRedirected;
        _width = width ?? TerminalWidth;
    }

    public int Every { get; init; } = 100;
    /// <summary>The first word of the line: what is being counted (import, report).</summary>
    public string Verb { get; init; } = "import";
    /// <summary>Redirected: the longest silence.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Starts the timer (terminal: every second; redirected: every <see cref="Interval"/>).</summary>
    public ProgressLine Start()
    {
        var period = _terminal ? TimeSpan.FromSeconds(1) : Interval;
        _timer = new Timer(_ => Tick(), null, period, period);
        return this;
    }

    /// <summary>The file a worker started on (any thread).</summary>
    public void Reading(string path) => Volatile.Write(ref _current, path);

    public void Update(long done, long failed)
    {
        lock (_gate)
        {
            if (_finished) return;
            _done = done;
            _failed = failed;
            var now = _clock.Elapsed;
            _rate.Add(now, done);
            if (_terminal)
            {
                if (done < _total && _lastDraw is { } last && now - last < TimeSpan.FromMilliseconds(100)) return;
                Draw(now);
            }
            else if (done - Math.Max(0, _lastPrinted) >= Every || (done >= _total && done != _lastPrinted))
                Print(now);
        }
    }

    /// <summary>The timer: redraw (terminal) or print when silent for <see cref="Interval"/> (redirected).</summary>
    internal void Tick()
    {
        lock (_gate)
        {
            if (_finished) return;
            var now = _clock.Elapsed;
            if (_terminal) Draw(now);
            else if (now - _lastPrintedAt >= Interval - TimeSpan.FromMilliseconds(50)) Print(now);
        }
    }

    /// <summary>Ends the in-place line so the summary starts on a fresh line; stops the timer.</summary>
    public void Finish()
    {
        lock (_gate)
        {
            if (_finished) return;
            _finished = true;
            _timer?.Dispose();
            if (_terminal && _drawn) Safely(() => _err.WriteLine());
        }
    }

    public void Dispose() => Finish();

    void Draw(TimeSpan now)
    {
        _lastDraw = now;
        // One column short of the width: writing the last column makes some terminals wrap.
        var line = Line(now, Math.Max(20, _width() - 1));
        Safely(() =>
        {
            _err.Write("\r" + line + "\u001b[K");
            _err.Flush();
        });
        _drawn = true;
    }

    void Print(TimeSpan now)
    {
        _lastPrinted = _done;
        _lastPrintedAt = now;
        var line = Line(now, int.MaxValue);
        Safely(() => _err.WriteLine(line));
    }

    string Line(TimeSpan now, int width) =>
        ProgressText.Format(_done, _total, _failed, now, _rate.PerSecond(now, _done), Volatile.Read(ref _current), width, Verb);

    static void Safely(Action write)
    {
        try { write(); }
        catch (Exception e) when (e is IOException or ObjectDisposedException) { }
    }

    static int TerminalWidth()
    {
        try
        {
            var w = Console.WindowWidth;
            return w > 0 ? w : 80;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or InvalidOperationException) { return 80; }
    }
}
