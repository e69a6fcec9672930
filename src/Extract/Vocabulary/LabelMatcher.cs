using System.Text.RegularExpressions;

namespace Jixiao.Extract;

/// <summary>
/// How loosely a written label may match a vocabulary label: how both are reduced to a key before comparing,
/// the shortest key (written and vocabulary alike) that may differ by an edit, and how many edits a key of a given
/// length may take, and whether a tie between meanings goes to the label that only adds characters to the written
/// one (<see cref="LostCharactersWin"/>). One policy per kind of reading; the matching itself is <see cref="LabelMatcher"/>.
/// </summary>
internal sealed partial record LabelPolicy(Func<string, string> Key, int MinEditLength, int LengthPerEdit, bool LostCharactersWin)
{
    /// <summary>Edits a key of <paramref name="length"/> may differ by: none under the floor, then one per
    /// <see cref="LengthPerEdit"/> characters, at least one.</summary>
    public int EditsFor(int length) => length < MinEditLength ? 0 : Math.Max(1, length / LengthPerEdit);

    /// <summary>Indicator-table column labels: the loose key, one edit from four characters on (column labels are
    /// few and far apart: 指标名称 / 指标分值 already differ by two).</summary>
    public static LabelPolicy ColumnLabel { get; } = new(LooseKey, 4, int.MaxValue, LostCharactersWin: false);

    /// <summary>Header-area labels (fields, project-list columns, section words): the loose key, one edit only from
    /// five characters on — among four-character header labels one character is often the whole difference
    /// (部门名称 / 项目名称, 项目名字 is a label of its own).</summary>
    public static LabelPolicy HeaderLabel { get; } = new(LooseKey, 5, int.MaxValue, LostCharactersWin: false);

    /// <summary>Labels read by OCR: specks and rule stubs removed (dots, bars, stray brackets), then one misread
    /// glyph per four characters, from three characters on (`年度资金吕笑` → 年度资金总额). A tie goes to the label
    /// that holds every glyph read: OCR loses faint glyphs far more often than it invents a right-looking one.</summary>
    public static LabelPolicy OcrLabel { get; } = new(WithoutOcrNoise, 3, 4, LostCharactersWin: true);

    /// <summary>
    /// A label without a bracketed aside at its start or end (a unit, a numbering mark: `指标权重(%)`, `项目资金（万元）`),
    /// punctuation, symbols and spaces. Brackets inside a label are part of its words and only their marks go
    /// (`单位（项目）名称` → 单位项目名称, not 单位名称, which is another column); a label that is all bracketed
    /// (`（项目名称）`) keeps its content.
    /// </summary>
    public static string LooseKey(string label)
    {
        var bare = Aside().Replace(label, "");
        if (bare.Trim().Length == 0) bare = label;
        return new string(bare.Where(ch => !char.IsPunctuation(ch) && !char.IsSymbol(ch) && !char.IsWhiteSpace(ch)).ToArray());
    }

    /// <summary>A label without what specks and rule stubs come back as in OCR (`.产出.指标`, `|数量指标`, `「效益指标」`).
    /// Round brackets stay: in a scan they are as written (`部门（单位）名称`).</summary>
    public static string WithoutOcrNoise(string label) => new(label.Where(c => !OcrNoise.Contains(c)).ToArray());

    const string OcrNoise = "·.,，。:：;；|'\"“”‘’「」『』[]【】 \t";

    const string Bracketed = @"[（(【\[][^（(【\[）)】\]]*[）)】\]]";

    // A constant pattern, so generated at build time: a run-time Compiled regex is emitted on first use, which every
    // one-file `extract` paid at start-up.
    [GeneratedRegex($@"^(?:\s*{Bracketed})+|(?:{Bracketed}[\s:：]*)+$")]
    private static partial Regex Aside();
}

/// <summary>A vocabulary label a written one was matched to: its spelling, what it means, how many edits away.</summary>
internal readonly record struct LabelMatch(string Spelling, string Meaning, int Edits);

/// <summary>
/// The one label matcher: a written label is the vocabulary label whose key it equals, else the nearest within the
/// policy's edits. Several spellings may share one meaning (权重 / 分值 are both the weight column), so a tie between
/// spellings of one meaning is no tie. A tie between meanings is no match — unless the policy lets lost characters
/// win (OCR): then a label that contains every character of the written one in order, reached by insertions only
/// (glyphs lost, none misread), is taken over one that needs a read glyph changed or removed (`省主管部门`: 省级主管部门
/// by inserting 级, not 主管部门 by removing 省). In typed text a shorter label is a word of its own (绩效指标 heads
/// the indicator columns; it is not 绩效指标值 with a character missing), so there ties refuse. Still more than one
/// meaning: no match, never a guess.
/// </summary>
internal sealed class LabelMatcher
{
    readonly LabelPolicy _policy;
    readonly Dictionary<string, Entry> _byKey = new(StringComparer.Ordinal);
    readonly List<Entry> _editable = new();
    readonly LabelMemo<LabelMatch?> _matches = new();
    readonly Func<string, LabelMatch?> _find;
    int _longest;

    sealed record Entry(string Key, string Spelling, string Meaning);

    /// <param name="vocabulary">Spelling → meaning, in the vocabulary's order: a key two spellings share keeps the first.</param>
    public LabelMatcher(IEnumerable<(string Spelling, string Meaning)> vocabulary, LabelPolicy policy)
    {
        _policy = policy;
        _find = Find;
        foreach (var (spelling, meaning) in vocabulary)
        {
            var key = policy.Key(spelling);
            if (key.Length == 0 || _byKey.ContainsKey(key)) continue;
            var e = new Entry(key, spelling, meaning);
            _byKey.Add(key, e);
            if (key.Length >= policy.MinEditLength) _editable.Add(e);
            _longest = Math.Max(_longest, key.Length);
        }
    }

    /// <summary>A vocabulary where each spelling is its own meaning.</summary>
    public static LabelMatcher OfSpellings(IEnumerable<string> spellings, LabelPolicy policy) =>
        new(spellings.Select(s => (s, s)), policy);

    /// <summary>A vocabulary of meanings, each with its spellings (column roles, field groups).</summary>
    public static LabelMatcher OfMeanings(IEnumerable<(string Meaning, IEnumerable<string> Spellings)> groups, LabelPolicy policy) =>
        new(groups.SelectMany(g => g.Spellings.Select(s => (s, g.Meaning))), policy);

    public LabelPolicy Policy => _policy;

    /// <summary>The vocabulary label <paramref name="label"/> is written for, or null.</summary>
    public LabelMatch? Match(string label)
    {
        if (label.Length == 0) return null;
        // Far longer than any label (a value, a sentence): compared without taking a place in the cache.
        if (label.Length > 2 * _longest + 8) return Find(label);
        return _matches.Get(label, _find);
    }

    /// <summary>The meaning <paramref name="label"/> is written for, or null.</summary>
    public string? MeaningOf(string label) => Match(label)?.Meaning;

    LabelMatch? Find(string label)
    {
        var key = _policy.Key(label);
        if (key.Length == 0) return null;
        if (_byKey.TryGetValue(key, out var exact)) return new LabelMatch(exact.Spelling, exact.Meaning, 0);
        int limit = _policy.EditsFor(key.Length);
        if (limit == 0 || key.Length > _longest + limit) return null;
        int best = limit;
        var nearest = new List<Entry>();
        foreach (var e in _editable)
        {
            if (Math.Abs(e.Key.Length - key.Length) > best) continue;
            int d = EditDistance.Between(key, e.Key);
            if (d > best) continue;
            if (d < best) { best = d; nearest.Clear(); }
            nearest.Add(e);
        }
        if (nearest.Count == 0) return null;
        var pick = OneMeaning(nearest, key);
        if (pick is null && _policy.LostCharactersWin) pick = OneMeaning(nearest.Where(e => IsSubsequence(key, e.Key)).ToList(), key);
        return pick is null ? null : new LabelMatch(pick.Spelling, pick.Meaning, best);
    }

    /// <summary>The entry to take when all <paramref name="candidates"/> mean one thing (the spelling reached by
    /// insertions only first, then vocabulary order), else null.</summary>
    static Entry? OneMeaning(List<Entry> candidates, string key)
    {
        if (candidates.Count == 0 || candidates.Any(c => c.Meaning != candidates[0].Meaning)) return null;
        return candidates.FirstOrDefault(c => IsSubsequence(key, c.Key)) ?? candidates[0];
    }

    /// <summary>Does <paramref name="label"/> contain every character of <paramref name="written"/>, in order?</summary>
    internal static bool IsSubsequence(string written, string label)
    {
        int i = 0;
        foreach (var ch in label)
            if (i < written.Length && written[i] == ch) i++;
        return i == written.Length;
    }
}
