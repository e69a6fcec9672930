namespace Jixiao.Cli.ConsoleOutput;

/// <summary>
/// Work on many inputs on several threads, its results handed over in the inputs' order (output stays as
/// a one-thread run prints it). The threads take the inputs in order, so a result waits at most for the
/// ones before it that are still being worked on; results waiting their turn are held in memory, so they
/// should be small (the text to print, not the parsed document).
/// </summary>
internal static class OrderedParallel
{
    /// <summary>For deeply nested documents, as the per-file threads have (<c>FileThreads</c>).</summary>
    const int StackSize = 16 * 1024 * 1024;

    /// <param name="emit">Called on the calling thread, once per input, in input order.</param>
    public static void Run<TIn, TOut>(IReadOnlyList<TIn> inputs, int threads, Func<TIn, TOut> work, Action<TOut> emit)
    {
        var results = new TaskCompletionSource<TOut>[inputs.Count];
        for (int i = 0; i < results.Length; i++) results[i] = new TaskCompletionSource<TOut>(TaskCreationOptions.RunContinuationsAsynchronously);
        int next = -1;
        void Work()
        {
            for (int i = Interlocked.Increment(ref next); i < inputs.Count; i = Interlocked.Increment(ref next))
            {
                try { results[i].SetResult(work(inputs[i])); }
                catch (Exception e) { results[i].SetException(e); }
            }
        }
        for (int t = 0; t < Math.Clamp(threads, 1, inputs.Count); t++)
            new Thread(Work, StackSize) { IsBackground = true, Name = "jixiao-each" }.Start();
        foreach (var r in results) emit(r.Task.GetAwaiter().GetResult());
    }
}
