using System.Diagnostics.Tracing;
using System.Runtime.InteropServices;

namespace Jixiao.Ingest;

/// <summary>
/// The per-file memory limit. .NET cannot cap one thread's memory, and a parser stuck inside a library call
/// (the Open XML SDK inflating a zip bomb into one string) never reaches a checkpoint of ours, so the guard
/// watches from outside, every 100 ms while parses run:
/// <list type="bullet">
/// <item>Who allocates: each parse runs on its own thread (PerFileLimit), and the runtime's GC AllocationTick
/// event (one per ~100 KB allocated) carries the OS thread id. Listening costs about 15 µs per event, so the
/// guard only listens while some parse has grown the heap (garbage included) past half its limit.</item>
/// <item>What each parse holds: while it listens, the guard looks at the live heap once a second, after a full
/// collection, and shares what the live heap grew by since its last look among the parses in proportion to
/// what each allocated in between. A parse's share, summed over the looks, is what it is taken to hold (never
/// more than the live heap grew since it started). A parse churning through gigabytes of garbage allocates a
/// lot but the live heap does not grow with it, so it holds little; a hoarder beside it gets most of the
/// growth. Judged on held memory over whole seconds, not on who allocated most in the last 100 ms tick: on a
/// loaded box a thread waits tens to hundreds of ms for a core, and a one-tick rate stopped the churner for
/// the hoarder's memory. Growth from before the guard listened (nobody's allocation counted yet: at most about
/// half a limit, more for a bomb inflating within one tick) is shared evenly among the parses running.</item>
/// <item>Whom to stop: the parse holding most over its limit, one at a time.</item>
/// </list>
/// Stopping cancels the parse's token and PerFileLimit stops waiting at once (a one-line error). A parser that
/// honours the token unwinds and frees its memory; one that does not runs on, abandoned, until its library call
/// returns or fails: the import goes on, but that memory is only returned when the call ends. A parse given up
/// on (stopped for memory, or at its time limit) and still running stays counted (what it holds and allocates is
/// its share, not the others') but is never judged again: it has been answered for, and stopping it would change
/// nothing. Nor does it make the guard wait: before, a stopped parse still running held every other judgement
/// back, and one left running by an earlier file let a hoarder beside it grow unjudged. Where the runtime gives no thread ids (not Linux or Windows) the limit is not enforced.
/// The event listener itself is only created the first time some parse grows that far: creating one makes the
/// runtime set up its event sources, ~25 ms of CPU that a short `jixiao extract` would otherwise pay for nothing.
/// </summary>
internal sealed class ParseMemoryGuard
{
    static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);

    /// <summary>How often the live heap is looked at while listening: a forced full collection pauses every
    /// thread, and shares of growth are only steady over a second or so.</summary>
    static readonly TimeSpan LookInterval = TimeSpan.FromSeconds(1);

    /// <summary>How long allocations are counted before anyone is judged (events arrive with some delay).</summary>
    static readonly TimeSpan MinListening = TimeSpan.FromMilliseconds(300);

    static readonly Lazy<ParseMemoryGuard> Shared = new(() => new ParseMemoryGuard());

    /// <summary>Parses under watch by OS thread id; guarded by itself (a plain dictionary: a concurrent one's
    /// generic code is compiled at start-up, ReadyToRun cannot carry it).</summary>
    readonly Dictionary<int, Watch> _watches = new();
    AllocationListener? _listener;
    DateTime _listeningSince = DateTime.MaxValue;
    DateTime _lastLook = DateTime.MinValue;
    /// <summary>What all watched parses allocated since the last look (the denominator of each one's share).</summary>
    long _allSinceLook;

    /// <summary>The guard ticks on a thread of its own, not on a thread-pool timer: on a loaded box the pool's
    /// queue held the ticks back for hundreds of milliseconds, while a hoarder grew unseen (its allocation
    /// uncounted, so none of the growth was its share).</summary>
    ParseMemoryGuard() => new Thread(() => { while (true) { Thread.Sleep(Period); Tick(); } })
        { IsBackground = true, Name = "jixiao-memory-guard" }.Start();

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
        /// <summary>The heap at the guard's last look at this parse (its start before the first), lowered as
        /// <see cref="StartHeap"/> is: growth since then is still to be shared.</summary>
        internal long LastLive;
        /// <summary>Bytes allocated by the parse's thread, from the events (only counted while the guard listens).</summary>
        internal long Allocated;
        /// <summary>What this parse is taken to hold (see the class summary).</summary>
        internal long Held;
        /// <summary>What this parse allocated since the last look (counted while the guard listens).</summary>
        long _own, _seen;
        /// <summary>Growth since the last look that happened before the guard started listening: nobody's
        /// allocation was counted then, so it is shared evenly.</summary>
        long _unseen;
        readonly Action _stop;
        int _stopped, _abandoned;

        internal Watch(int threadId, long limit, Action stop)
        {
            ThreadId = threadId;
            Limit = limit;
            StartHeap = LastLive = GC.GetTotalMemory(false);
            _stop = stop;
        }

        /// <summary>Stopped for memory (and, if deaf to its token, possibly still running).</summary>
        internal bool Stopped => Volatile.Read(ref _stopped) == 1;

        /// <summary>Given up on at its time limit: counted, never judged.</summary>
        internal bool Abandoned => Volatile.Read(ref _abandoned) == 1;

        internal void Abandon() => Volatile.Write(ref _abandoned, 1);

        /// <summary>Allocated by this parse since the last tick (moved into its count).</summary>
        internal long TakeAllocated()
        {
            long now = Interlocked.Read(ref Allocated), since = now - _seen;
            _seen = now;
            _own += since;
            return since;
        }

        /// <summary>Listening starts: counting starts now, and the growth so far (garbage included) was not seen.</summary>
        internal void StartCounting(long heap)
        {
            _own = 0;
            _seen = Interlocked.Read(ref Allocated);
            _unseen = Math.Max(0, heap - LastLive);
        }

        /// <summary>Takes this parse's share of the live heap's growth since the last look: the part grown before the
        /// guard listened evenly (<paramref name="parses"/> ways), the rest in proportion to what it allocated of
        /// <paramref name="allCounted"/> (evenly too when no watched parse was seen allocating).</summary>
        internal void Look(long live, long allCounted, int parses)
        {
            long growth = Math.Max(0, live - LastLive), unseen = Math.Min(growth, _unseen), seen = growth - unseen;
            Held += (long)(unseen / (double)parses + seen * (allCounted > 0 ? (double)_own / allCounted : 1.0 / parses));
            Held = Math.Min(Held, Math.Max(0, live - StartHeap));
            LastLive = live;
            _own = _unseen = 0;
        }

        internal void Lower(long heap)
        {
            if (heap < StartHeap) StartHeap = heap;
            if (heap < LastLive) LastLive = heap;
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
        // No parse running (between files, after an import): nothing to measure.
        List<Watch> watches;
        lock (_watches) watches = _watches.Values.ToList();
        if (watches.Count == 0) { Listen(false); return; }
        long heap = GC.GetTotalMemory(false);
        foreach (var w in watches) w.Lower(heap);
        // Listen while some parse has grown the heap past half its limit (garbage included: cheap to read).
        bool wasListening = _listeningSince != DateTime.MaxValue;
        Listen(watches.Any(w => heap - w.StartHeap > w.Limit / 2));
        if (_listeningSince == DateTime.MaxValue) return;
        if (!wasListening)
        {
            _allSinceLook = 0;
            foreach (var w in watches) w.StartCounting(heap);
        }
        foreach (var w in watches) _allSinceLook += w.TakeAllocated();
        if (DateTime.UtcNow - _listeningSince < MinListening) return;
        if (DateTime.UtcNow - _lastLook < LookInterval) return;
        _lastLook = DateTime.UtcNow;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
        long live = GC.GetTotalMemory(false);
        foreach (var w in watches)
        {
            w.Lower(live);
            w.Look(live, _allSinceLook, watches.Count);
        }
        _allSinceLook = 0;
        Culprit(watches)?.Stop();
    }

    void Listen(bool on)
    {
        if (on == (_listeningSince != DateTime.MaxValue)) return;
        if (!on && _listener is null) return;
        _listener ??= new AllocationListener(this);
        if (!_listener.Listen(on)) return;
        _listeningSince = on ? DateTime.UtcNow : DateTime.MaxValue;
    }

    /// <summary>The parse to stop, if any: of those still answered for, the one holding most over its limit.</summary>
    static Watch? Culprit(List<Watch> watches) =>
        watches.Where(w => !w.Abandoned && w.Held > w.Limit).MaxBy(w => w.Held - w.Limit);

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
