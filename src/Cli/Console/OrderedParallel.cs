namespace Jixiao.Cli.ConsoleOutput;

/// <summary>
/// Work on many inputs on several threads, its results handed over in the inputs' order (output stays as
/// a one-thread run prints it). Results waiting their turn are held in memory, so they should be small (the text
/// to print, not the parsed document); a result is let go as soon as it has been handed over.
/// </summary>
internal static class OrderedParallel
{
    /// <summary>For deeply nested documents, as the per-file threads have (<c>FileThreads</c>).</summary>
    const int StackSize = 16 * 1024 * 1024;

    /// <summary>Inputs reordered at a time by <c>size</c>, per thread: bounds the results held waiting their turn.</summary>
    const int WindowPerThread = 8;

    /// <param name="emit">Called on the calling thread, once per input, in input order.</param>
    /// <param name="size">How much work an input is (a file's length), or null: then the threads take the inputs
    /// in order. With it they take the largest first within each window of inputs, so that the last input of a run
    /// is a small one and no core idles while the other finishes a large one alone; a result then waits at most
    /// for its window.</param>
    public static void Run<TIn, TOut>(IReadOnlyList<TIn> inputs, int threads, Func<TIn, TOut> work, Action<TOut> emit, Func<TIn, long>? size = null)
    {
        var results = new TaskCompletionSource<TOut>[inputs.Count];
        for (int i = 0; i < results.Length; i++) results[i] = new TaskCompletionSource<TOut>(TaskCreationOptions.RunContinuationsAsynchronously);
        int[] order = StartOrder(inputs, threads, size);
        int next = -1;
        void Work()
        {
            for (int k = Interlocked.Increment(ref next); k < order.Length; k = Interlocked.Increment(ref next))
            {
                int i = order[k];
                try { results[i].SetResult(work(inputs[i])); }
                catch (Exception e) { results[i].SetException(e); }
            }
        }
        for (int t = 0; t < Math.Clamp(threads, 1, inputs.Count); t++)
            new Thread(Work, StackSize) { IsBackground = true, Name = "jixiao-each" }.Start();
        for (int i = 0; i < results.Length; i++)
        {
            var result = results[i].Task.GetAwaiter().GetResult();
            // Printed outputs of a long run (MBs of JSON) are not kept to its end. Only once set: its thread is done with it.
            results[i] = null!;
            emit(result);
        }
    }

    /// <summary>Input positions in the order the threads take them: largest first within each window.</summary>
    static int[] StartOrder<TIn>(IReadOnlyList<TIn> inputs, int threads, Func<TIn, long>? size)
    {
        var order = Enumerable.Range(0, inputs.Count).ToArray();
        if (size is null) return order;
        var sizes = inputs.Select(size).ToArray();
        int window = WindowPerThread * Math.Max(1, threads);
        for (int from = 0; from < order.Length; from += window)
        {
            int count = Math.Min(window, order.Length - from);
            // Stable: inputs of equal size keep their order.
            var sorted = order.Skip(from).Take(count).OrderByDescending(i => sizes[i]).ToArray();
            sorted.CopyTo(order, from);
        }
        return order;
    }
}
