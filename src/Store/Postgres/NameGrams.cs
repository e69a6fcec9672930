namespace Jixiao.Store.Postgres;

/// <summary>
/// The query side of the name-gram index (indicator_names.grams: every character and every pair of adjacent
/// characters of a normalized name, derived by the database function jixiao_name_grams, schema version 2).
/// Chinese words are one or two characters long, below what a trigram index can look up; grams of one and two
/// characters look up any substring.
/// </summary>
internal static class NameGrams
{
    /// <summary>Grams every name containing <paramref name="text"/> has: its bigrams (its one character when it has one).</summary>
    public static string[] Contained(string text) => Chars(text) is { Length: 1 } one ? one : Bigrams(text);

    /// <summary>
    /// Grams of which a name with <see cref="Fuzzy.SearchScore"/> &gt; 0 for <paramref name="text"/> has at least one.
    /// From four characters on, the score allows one edit per four characters, and each edit breaks at most two
    /// of the text's bigrams, so one survives (and a Dice overlap shares a bigram); shorter texts allow one edit
    /// in at most three characters, so a matching name shares a character.
    /// </summary>
    public static string[] Candidates(string text) =>
        Chars(text).Length >= 4 ? Bigrams(text) : Chars(text).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Characters as the database counts them (code points: a character outside the BMP is one).</summary>
    static string[] Chars(string s) => s.EnumerateRunes().Select(r => r.ToString()).ToArray();

    static string[] Bigrams(string s)
    {
        var chars = Chars(s);
        return Enumerable.Range(0, chars.Length - 1).Select(k => chars[k] + chars[k + 1]).Distinct(StringComparer.Ordinal).ToArray();
    }
}
