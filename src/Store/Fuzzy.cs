namespace Jixiao.Store;

/// <summary>
/// Typo-tolerant name matching for search and history. Chinese indicator names are short and a typo is
/// usually one wrong, missing or extra character, so two measures suffice: character-bigram overlap (Dice)
/// and the edit distance of the query to its best-matching substring of the name (Sellers' algorithm).
/// </summary>
public static class Fuzzy
{
    /// <summary>Dice coefficient of the character bigram multisets (single characters for 1-char strings).</summary>
    public static double BigramDice(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        var ga = Grams(a);
        var gb = Grams(b);
        int common = 0;
        foreach (var (g, n) in ga)
            if (gb.TryGetValue(g, out var m)) common += Math.Min(n, m);
        return 2.0 * common / (Count(ga) + Count(gb));
    }

    static Dictionary<string, int> Grams(string s)
    {
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        if (s.Length == 1) { d[s] = 1; return d; }
        for (int i = 0; i + 1 < s.Length; i++)
        {
            var g = s.Substring(i, 2);
            d[g] = d.GetValueOrDefault(g) + 1;
        }
        return d;
    }

    static int Count(Dictionary<string, int> d) => d.Values.Sum();

    /// <summary>Levenshtein distance between two whole strings.</summary>
    public static int EditDistance(string a, string b) => Extract.EditDistance.Between(a, b);

    /// <summary>Smallest edit distance between <paramref name="query"/> and any substring of <paramref name="text"/>.</summary>
    public static int SubstringDistance(string query, string text) => Extract.EditDistance.ToNearestSubstring(query, text);

    /// <summary>
    /// How well <paramref name="name"/> answers a search for <paramref name="query"/> when no name contains it:
    /// 0 for no match, else higher is better. Allows about one edit per four query characters.
    /// </summary>
    public static double SearchScore(string query, string name)
    {
        if (query.Length == 0 || name.Length == 0) return 0;
        int allowed = Math.Max(1, query.Length / 4);
        if (query.Length <= 2) allowed = query.Length == 2 ? 1 : 0;
        int d = SubstringDistance(query, name);
        double dice = BigramDice(query, name);
        if (d <= allowed && query.Length - d >= 1) return 1.0 - (double)d / (query.Length + 1) + dice * 0.1;
        return dice >= 0.5 ? dice * 0.8 : 0;
    }

    /// <summary>
    /// True when two normalized indicator names are the same indicator written differently across years
    /// (a changed character, a dropped 率, a renamed suffix).
    /// </summary>
    public static bool SameIndicator(string a, string b)
    {
        if (a == b) return true;
        if (a.Length == 0 || b.Length == 0) return false;
        int longer = Math.Max(a.Length, b.Length);
        int allowed = longer <= 4 ? 1 : Math.Max(1, longer / 4);
        return EditDistance(a, b) <= allowed || BigramDice(a, b) >= 0.75;
    }
}
