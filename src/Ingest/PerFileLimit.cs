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
    /// (0: no memory limit). Exceptions of the work are rethrown; <paramref name="what"/> names it in the reason
    /// ("reader", "extraction").
    /// </summary>
    public static Outcome<T> Run<T>(Func<CancellationToken, T> work, TimeSpan timeout, long maxMemoryBytes, string what, CancellationToken cancel = default)
    {
        if (timeout <= TimeSpan.Zero) return new(default, $"gave up: no time left of the per-file time limit for the {what}");
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        stop.CancelAfter(timeout);
        var overMemory = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void StopForMemory()
        {
            overMemory.TrySetResult();
            try { stop.Cancel(); }
            catch (ObjectDisposedException) { }
        }
        var task = RunOnOwnThread(() =>
        {
            using var watch = maxMemoryBytes > 0 ? ParseMemoryGuard.Start(maxMemoryBytes, StopForMemory) : null;
            return work(stop.Token);
        });
        using var stopWaiting = new CancellationTokenSource();
        var limit = Task.Delay(timeout + AbandonGrace, stopWaiting.Token);
        var first = Task.WhenAny(task, limit, overMemory.Task).GetAwaiter().GetResult();
        stopWaiting.Cancel();
        if (first != task || overMemory.Task.IsCompleted)
        {
            task.ContinueWith(t => { _ = t.Exception; stop.Dispose(); }, TaskScheduler.Default);
            return new(default, overMemory.Task.IsCompleted
                ? $"stopped: took over {maxMemoryBytes / (1024 * 1024)} MB of memory (per-file memory limit)"
                : $"gave up after {timeout.TotalSeconds:0} s (per-file time limit; the {what} did not stop)");
        }
        stop.Dispose();
        return new(task.GetAwaiter().GetResult(), null);
    }

    /// <summary>
    /// A dedicated background thread rather than the thread pool: callers block on the result, and parallel
    /// imports would otherwise starve the pool; abandoned work must not keep the process alive either.
    /// The large stack is for deeply nested documents.
    /// </summary>
    static Task<T> RunOnOwnThread<T>(Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try { done.SetResult(work()); }
            catch (Exception e) { done.SetException(e); }
        }, 16 * 1024 * 1024) { IsBackground = true, Name = "jixiao-file" };
        thread.Start();
        return done.Task;
    }
}
