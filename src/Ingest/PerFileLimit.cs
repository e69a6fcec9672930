using System.Runtime.ExceptionServices;

namespace Jixiao.Ingest;

/// <summary>
/// Runs one file's work (a parse, an extraction) under the per-file time and memory limits: on its own
/// thread, so the caller gets its answer at the limit even when the work is stuck inside a library call and
/// never looks at its token (it is abandoned, finishes on its own and its result is dropped), and watched by
/// <see cref="ParseMemoryGuard"/>, which counts that thread's allocations.
/// </summary>
public static class PerFileLimit
{
    /// <summary>The work's result, or why it was stopped (<see cref="Stopped"/>: the one-line reason).</summary>
    public sealed record Outcome<T>(T? Result, string? Stopped);

    /// <summary>How long past the limit work that ignores cancellation is waited for before it is abandoned.</summary>
    static readonly TimeSpan AbandonGrace = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Runs <paramref name="work"/> within <paramref name="timeout"/> and <paramref name="maxMemoryBytes"/>
    /// (0: no memory limit). Exceptions of the work are rethrown, except the OperationCanceledException of work
    /// that honoured its token at the time limit (that is the limit's reason); <paramref name="what"/> names the
    /// work in the reason ("reader", "extraction").
    /// </summary>
    public static Outcome<T> Run<T>(Func<CancellationToken, T> work, TimeSpan timeout, long maxMemoryBytes, string what, CancellationToken cancel = default)
    {
        if (timeout <= TimeSpan.Zero) return new(default, $"gave up: no time left of the per-file time limit for the {what}");
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        stop.CancelAfter(timeout);
        var job = new Job<T>(stop);
        void StopForMemory()
        {
            job.StopForMemory();
            try { stop.Cancel(); }
            catch (ObjectDisposedException) { }
        }
        FileThreads.Run(() =>
        {
            try
            {
                using var watch = maxMemoryBytes > 0 ? ParseMemoryGuard.Start(maxMemoryBytes, StopForMemory) : null;
                job.Watched(watch);
                job.Succeed(work(stop.Token));
            }
            catch (Exception e) { job.Fail(e); }
        });
        if (!job.Wait(timeout + AbandonGrace) || job.OverMemory)
        {
            job.Abandon();
            return new(default, job.OverMemory
                ? $"stopped: took over {maxMemoryBytes / (1024 * 1024)} MB of memory (per-file memory limit)"
                : $"gave up after {timeout.TotalSeconds:0} s (per-file time limit; the {what} did not stop)");
        }
        // Work that honours its token stops at the limit with OperationCanceledException: that is the time limit's
        // answer, not the work's error (unless the caller itself cancelled: that goes back as it came).
        bool timedOut = job.EndedCancelled && stop.IsCancellationRequested && !cancel.IsCancellationRequested;
        stop.Dispose();
        if (timedOut) return new(default, $"gave up after {timeout.TotalSeconds:0} s (per-file time limit)");
        return new(job.Result(), null);
    }

    /// <summary>
    /// One run's outcome as its file thread hands it over, and the caller's wait for it: ended (a result or an
    /// exception) or stopped for memory, whichever comes first. A run given up on (abandoned) disposes its
    /// token source itself when it ends, as nobody else is left to.
    /// </summary>
    sealed class Job<T>(CancellationTokenSource stop)
    {
        // Little spinning: the caller waits a whole parse, and on a busy machine a spinning waiter takes the core
        // the parse needs.
        readonly ManualResetEventSlim _signal = new(false, spinCount: 1);
        T? _result;
        ExceptionDispatchInfo? _error;
        int _state; // 0 running, 1 ended, 2 abandoned
        volatile bool _overMemory;
        ParseMemoryGuard.Watch? _watch;

        public bool OverMemory => _overMemory;

        /// <summary>The work ended by throwing OperationCanceledException (it honoured its token).</summary>
        public bool EndedCancelled => _error?.SourceException is OperationCanceledException;

        public void Succeed(T result)
        {
            _result = result;
            End();
        }

        public void Fail(Exception e)
        {
            _error = ExceptionDispatchInfo.Capture(e);
            End();
        }

        void End()
        {
            if (Interlocked.CompareExchange(ref _state, 1, 0) == 2) stop.Dispose();
            _signal.Set();
        }

        public void StopForMemory()
        {
            _overMemory = true;
            _signal.Set();
        }

        /// <summary>True when the run ended (result or exception) within <paramref name="limit"/>, or was stopped for memory.</summary>
        public bool Wait(TimeSpan limit) => _signal.Wait(limit) && (Volatile.Read(ref _state) == 1 || _overMemory);

        /// <summary>The memory guard's watch of this run, told when the run is given up on (see <see cref="Abandon"/>).</summary>
        public void Watched(ParseMemoryGuard.Watch? watch)
        {
            if (watch is null) return;
            Interlocked.Exchange(ref _watch, watch);
            if (Volatile.Read(ref _state) == 2) watch.Abandon();
        }

        /// <summary>Gives up on the run: its token source is disposed by whichever side ends last, and the memory guard
        /// stops judging it (it stays counted: what it still allocates is its own, not the parses' beside it).</summary>
        public void Abandon()
        {
            if (Interlocked.CompareExchange(ref _state, 2, 0) == 1) stop.Dispose();
            Volatile.Read(ref _watch)?.Abandon();
        }

        /// <summary>The run's result, or its exception rethrown as it was thrown.</summary>
        public T Result()
        {
            _error?.Throw();
            return _result!;
        }
    }
}
