namespace Jixiao.Extract;

/// <summary>
/// The one edit distance of the codebase (label matching, search typo tolerance, "did you mean"): how many
/// characters must be inserted, removed or changed to turn one string into another. Own code rather than a
/// package because two of its users need variants a plain Levenshtein library does not offer: search compares a
/// query with the best-matching substring of a name (Sellers), and the command line counts two swapped
/// neighbours as one slip (optimal string alignment).
/// </summary>
public static class EditDistance
{
    /// <summary>Levenshtein distance between two whole strings; with <paramref name="swapsCountOnce"/> a
    /// transposition of neighbours (`reoprt`) is one edit.</summary>
    public static int Between(string a, string b, bool swapsCountOnce = false) => Compute(a, b, freeStart: false, swapsCountOnce);

    /// <summary>Smallest distance between <paramref name="query"/> and any substring of <paramref name="text"/>.</summary>
    public static int ToNearestSubstring(string query, string text) => Compute(query, text, freeStart: true, swapsCountOnce: false);

    static int Compute(string q, string t, bool freeStart, bool swapsCountOnce)
    {
        // Three rows: the one before last is needed only for transpositions.
        var before = new int[t.Length + 1];
        var prev = new int[t.Length + 1];
        var cur = new int[t.Length + 1];
        for (int j = 0; j <= t.Length; j++) prev[j] = freeStart ? 0 : j;
        for (int i = 1; i <= q.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= t.Length; j++)
            {
                int d = Math.Min(prev[j - 1] + (q[i - 1] == t[j - 1] ? 0 : 1), Math.Min(prev[j] + 1, cur[j - 1] + 1));
                if (swapsCountOnce && i > 1 && j > 1 && q[i - 1] == t[j - 2] && q[i - 2] == t[j - 1]) d = Math.Min(d, before[j - 2] + 1);
                cur[j] = d;
            }
            (before, prev, cur) = (prev, cur, before);
        }
        return freeStart ? prev.Min() : prev[t.Length];
    }
}
