using System.Diagnostics.Tracing;
using System.Runtime.InteropServices;

namespace Jixiao.Ingest;

/// <summary>
/// The per-file memory limit. .NET cannot cap one thread's memory, and a parser stuck inside a library call
/// (the Open XML SDK inflating a zip bomb into one string) never reaches a checkpoint of ours, so the guard
/// watches from outside, on a 100 ms timer while parses run:
/// <list type="bullet">
/// <item>What is held: a parse is over the limit when the managed heap has grown by more than the limit
/// since it started, confirmed after a full collection. A parse that churns through gigabytes of short-lived
/// garbage never is.</item>
/// <item>Who is filling it: each parse runs on its own thread (DocumentReader), and the runtime's GC
/// AllocationTick event (one per ~100 KB allocated) carries the OS thread id. Listening costs about 15 µs
/// per event, so the guard only listens while some parse has grown the heap past half its limit.</item>
/// <item>Whom to stop: the parse allocating fastest lately (a decaying sum over the last second or so), once
/// it is over its limit. With parses in parallel the growth is shared and which one holds it cannot be
/// seen; the one filling the heap now is the best guess. It can be wrong: a parse churning garbage faster
/// than the hoarder beside it would be stopped instead (its file fails with the memory reason;
/// `import --retry-failed` reads it again).</item>
/// </list>
/// Stopping cancels the parse's token and DocumentReader stops waiting at once (a one-line error). A
/// parser that honours the token unwinds and frees its memory; one that does not runs on, abandoned, until its
/// library call returns or fails: the import goes on, but that memory is only returned when the call ends.
/// While such an abandoned parse runs, no other parse is stopped for memory (whose memory the heap holds is
/// then unknown). Where the runtime gives no thread ids (not Linux or Windows) the limit is not enforced.
/// The event listener itself is only created the first time some parse grows that far: creating one makes the
/// runtime set up its event sources, ~25 ms of CPU that a short `jixiao extract` would otherwise pay for nothing.
/// </summary>
internal sealed class ParseMemoryGuard
{
    static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);

    /// <summary>At most one forced full collection per interval: it pauses every thread.</summary>
    static readonly TimeSpan ConfirmInterval = TimeSpan.FromSeconds(1);

    /// <summary>How long allocations are counted before anyone is judged (events arrive with some delay).</summary>
    static readonly TimeSpan MinListening = TimeSpan.FromMilliseconds(300);

    static readonly Lazy<ParseMemoryGuard> Shared = new(() => new ParseMemoryGuard());

    /// <summary>Parses under watch by OS thread id; guarded by itself (a plain dictionary: a concurrent one's
    /// generic code is compiled at start-up, ReadyToRun cannot carry it).</summary>
    readonly Dictionary<int, Watch> _watches = new();
    readonly Timer _timer;
    AllocationListener? _listener;
    DateTime _listeningSince = DateTime.MaxValue;
    DateTime _lastConfirm = DateTime.MinValue;
    int _ticking;

    ParseMemoryGuard() => _timer = new Timer(_ => Tick(), null, Period, Period);

    /// <summary>One parse under watch: created on the parse's own thread, disposed when the parse ends.</summary>
    internal sealed class Watch : IDisposable
    {
        internal readonly int ThreadId;
        internal readonly long Limit;
        /// <summary>The heap this parse's growth is measured from: the heap at its start, lowered whenever the heap is
        /// seen lower. The start figure includes garbage an earlier parse left uncollected; once collected, growth
        /// measured from the start would hide as much of this parse's memory (a 400 MB hoarder starting beside
        /// 500 MB of garbage was never over a 64 MB limit).</summary>
        internal long StartHeap;
        internal long Allocated;
        /// <summary>Allocation lately: halves every tick, plus what was allocated since the last tick.</summary>
        internal double Recent;
        long _seen;
        readonly Action _stop;
        int _stopped;

        internal Watch(int threadId, long limit, Action stop)
        {
            ThreadId = threadId;
            Limit = limit;
            StartHeap = GC.GetTotalMemory(false);
            _stop = stop;
        }

        internal bool Stopped => Volatile.Read(ref _stopped) == 1;

        internal void Age()
        {
            long now = Interlocked.Read(ref Allocated);
            Recent = Recent / 2 + (now - _seen);
            _seen = now;
        }

        internal void Stop()
        {
            if (Interlocked.Exchange(ref _stopped, 1) == 0) _stop();
        }

        public void Dispose()
        {
            var watches = Shared.Value._watches;
            lock (watches)
                if (watches.TryGetValue(ThreadId, out var w) && w == this) watches.Remove(ThreadId);
        }
    }

    /// <summary>
    /// Watches the calling thread's parse against <paramref name="limitBytes"/>; <paramref name="stop"/> runs
    /// (on a timer thread) when it is over. Null when the platform gives no thread ids.
    /// </summary>
    public static Watch? Start(long limitBytes, Action stop)
    {
        int tid = OsThread.CurrentId();
        if (tid == 0) return null;
        var watch = new Watch(tid, limitBytes, stop);
        var watches = Shared.Value._watches;
        lock (watches) watches[tid] = watch;
        return watch;
    }

    Watch? WatchOf(int threadId)
    {
        lock (_watches) return _watches.TryGetValue(threadId, out var w) ? w : null;
    }

    /// <summary>Counts each watched thread's allocations from the runtime's GCAllocationTick events.</summary>
    sealed class AllocationListener(ParseMemoryGuard guard) : EventListener
    {
        EventSource? _runtime;
        bool _on;

        // Called from the base constructor for the sources that already exist (the runtime's among them).
        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime") _runtime = source;
        }

        /// <summary>False when the runtime's event source is not there (events disabled): nothing to listen to.</summary>
        public bool Listen(bool on)
        {
            if (_runtime is null) return false;
            if (on == _on) return true;
            // Keyword 0x1 (GC) at Verbose level carries GCAllocationTick; the other GC events it brings are few.
            if (on) EnableEvents(_runtime, EventLevel.Verbose, (EventKeywords)0x1);
            else DisableEvents(_runtime);
            _on = on;
            return true;
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventId != 10 || e.Payload is null || e.PayloadNames is null) return; // 10: GCAllocationTick
            if (guard.WatchOf((int)e.OSThreadId) is not { } watch) return;
            int i = e.PayloadNames.IndexOf("AllocationAmount64");
            if (i < 0) i = e.PayloadNames.IndexOf("AllocationAmount");
            if (i < 0) return;
            Interlocked.Add(ref watch.Allocated, Convert.ToInt64(e.Payload[i]));
        }
    }

    void Tick()
    {
        if (Interlocked.Exchange(ref _ticking, 1) == 1) return;
        try
        {
            // No parse running (between files, after an import): nothing to measure.
            List<Watch> watches;
            lock (_watches) watches = _watches.Values.ToList();
            if (watches.Count == 0) { Listen(false); return; }
            long heap = GC.GetTotalMemory(false);
            Lower(watches, heap);
            // Listen while some parse has grown the heap past half its limit (garbage included: cheap to read).
            Listen(watches.Any(w => heap - w.StartHeap > w.Limit / 2));
            if (DateTime.UtcNow - _listeningSince < MinListening) return;
            foreach (var w in watches) w.Age();
            if (Culprit(watches, heap) is null) return;
            // Over on paper; the heap figure includes garbage not yet collected. Look again after a full GC.
            if (DateTime.UtcNow - _lastConfirm < ConfirmInterval) return;
            _lastConfirm = DateTime.UtcNow;
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
            long live = GC.GetTotalMemory(false);
            Lower(watches, live);
            Culprit(watches, live)?.Stop();
        }
        finally
        {
            Volatile.Write(ref _ticking, 0);
        }
    }

    static void Lower(List<Watch> watches, long heap)
    {
        foreach (var w in watches) if (heap < w.StartHeap) w.StartHeap = heap;
    }

    void Listen(bool on)
    {
        if (on == (_listeningSince != DateTime.MaxValue)) return;
        if (!on && _listener is null) return;
        _listener ??= new AllocationListener(this);
        if (!_listener.Listen(on)) return;
        _listeningSince = on ? DateTime.UtcNow : DateTime.MaxValue;
    }

    /// <summary>
    /// The parse to stop, if any: the one allocating fastest, when it is over its limit. Not the fastest means
    /// wait: an older parse's growth includes what a newer hoarder holds. While a stopped parse still runs
    /// (abandoned inside a library call) the heap holds memory of unknown owner, so nobody else is judged
    /// until it ends: the time limit still applies.
    /// </summary>
    static Watch? Culprit(List<Watch> watches, long heap)
    {
        if (watches.Count == 0 || watches.Any(w => w.Stopped)) return null;
        var fastest = watches.MaxBy(w => w.Recent)!;
        return fastest.Recent > 0 && heap - fastest.StartHeap > fastest.Limit ? fastest : null;
    }

    /// <summary>The OS id of the calling thread, as the runtime's events report it (EventWrittenEventArgs.OSThreadId).</summary>
    static class OsThread
    {
        public static int CurrentId()
        {
            try
            {
                if (OperatingSystem.IsLinux()) return gettid();
                if (OperatingSystem.IsWindows()) return GetCurrentThreadId();
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException) { }
            return 0;
        }

        [DllImport("libc", EntryPoint = "gettid")]
        static extern int gettid();

        [DllImport("kernel32")]
        static extern int GetCurrentThreadId();
    }
}
