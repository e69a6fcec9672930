namespace Jixiao.Ingest;

/// <summary>
/// The dedicated threads per-file work runs on (<see cref="PerFileLimit"/>), kept for the next file instead of
/// one new thread per parse and per extraction: an import of 1,000 files started 2,000 threads, each with its
/// 16 MB stack mapped and the runtime's per-thread state built, and every thread-local cache (the role models'
/// prediction engines) was rebuilt for each file. A thread whose work was given up on (a parse past its limit)
/// is busy until that work returns, so the next file gets another thread; it rejoins the idle ones when it ends.
/// Background threads: an abandoned parse never keeps the process alive.
/// </summary>
internal static class FileThreads
{
    /// <summary>For deeply nested documents (recursive readers).</summary>
    const int StackSize = 16 * 1024 * 1024;

    /// <summary>Idle threads kept; more were only needed while others ran abandoned work.</summary>
    static readonly int MaxIdle = Math.Max(4, 2 * Environment.ProcessorCount);

    static readonly Stack<FileThread> Idle = new();

    /// <summary>Runs <paramref name="work"/> on an idle file thread, or a new one. The work must not throw.</summary>
    public static void Run(Action work)
    {
        FileThread? thread = null;
        lock (Idle)
            if (Idle.Count > 0) thread = Idle.Pop();
        (thread ?? new FileThread()).Give(work);
    }

    sealed class FileThread
    {
        readonly SemaphoreSlim _go = new(0);
        Action? _work;

        public FileThread() => new Thread(Loop, StackSize) { IsBackground = true, Name = "jixiao-file" }.Start();

        public void Give(Action work)
        {
            _work = work;
            _go.Release();
        }

        void Loop()
        {
            while (true)
            {
                _go.Wait();
                Interlocked.Exchange(ref _work, null)!();
                lock (Idle)
                {
                    if (Idle.Count >= MaxIdle) return;
                    Idle.Push(this);
                }
            }
        }
    }
}
