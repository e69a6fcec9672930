using System.Collections.Concurrent;

namespace Jixiao.Extract;

/// <summary>
/// Answers about written labels, kept once worked out: the same header labels are asked about again and again
/// (every reader tests whether a row is its header). Bounded, so that a batch of unseen values does not grow it
/// without end; shared by the threads of a batch. Only for answers that depend on the label alone.
/// </summary>
internal sealed class LabelMemo<T>
{
    /// <summary>Written labels repeat (every header row of a book); values mostly do not.</summary>
    const int Limit = 20_000;

    readonly ConcurrentDictionary<string, T> _known = new(StringComparer.Ordinal);

    /// <summary>Entries added, counted here: ConcurrentDictionary.Count takes every one of its locks, and a miss
    /// asked it each time (a few percent of a .doc batch's CPU).</summary>
    int _count;

    public T Get(string label, Func<string, T> answer)
    {
        if (_known.TryGetValue(label, out var known)) return known;
        var a = answer(label);
        if (Volatile.Read(ref _count) < Limit && _known.TryAdd(label, a)) Interlocked.Increment(ref _count);
        return a;
    }
}
