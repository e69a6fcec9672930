namespace Jixiao.Extract;

/// <summary>
/// The canonical indicator hierarchy of project and transfer forms (spec: "The hierarchy is canonical").
/// Department forms keep their own names.
/// </summary>
internal static class Hierarchy
{
    public static void Apply(Form form, IndicatorTable table, Indicator ind)
    {
        bool project = form.Kind != FormKind.DepartmentTarget && form.Kind != FormKind.DepartmentSelfEval;
        ind.Level1 = Clean(ind.Level1);
        ind.Level2 = Clean(ind.Level2);
        if (table.MissingLevel3)
        {
            // Seed 001: the 一级指标 column holds level-2 names, the 二级指标 column the indicators.
            ind.Level3 = ind.Level2;
            ind.Level2 = ind.Level1;
            ind.Level1 = null;
        }
        if (!project) return;
        var v = Vocab.Instance;
        if (ind.Level1 is null && ind.Level2 is null && ind.Level3 is not null) SplitPacked(ind);
        var l2 = CanonicalLevel2(ind.Level2);
        var l1 = CanonicalLevel1(ind.Level1);
        // A level-2 name written in the level-1 column (and nothing usable in level 2) moves down.
        if (l1 is null && ind.Level1 is not null && CanonicalLevel2(ind.Level1) is { } shifted && l2 is null)
        {
            l2 = shifted;
        }
        if (l2 is not null && v.Level2ToLevel1.TryGetValue(l2, out var parent))
        {
            // 成本指标 is level 1 in the 2022 framework, a level-2 name under 产出指标 before it: a name that is both
            // levels, written as both, stays level 1.
            if (!(l1 == l2 && Array.IndexOf(v.Level1, l1) >= 0)) l1 = parent;
        }
        ind.Level1 = l1 ?? ind.Level1;
        ind.Level2 = l2 ?? WithSuffix(ind.Level2);
    }

    /// <summary>
    /// Budget books that pack the hierarchy into one cell (`产出指标数量指标协调推进…`, `产出指标-数量指标-…`):
    /// peel a canonical level-1 name, then a level-2 name, off the front.
    /// </summary>
    static void SplitPacked(Indicator ind)
    {
        if (Peel(ind.Level3!) is { } p) (ind.Level1, ind.Level2, ind.Level3) = p;
    }

    /// <summary>
    /// A column that holds the hierarchy run together (Beijing 部门整体支出绩效目标表 绩效指标): the names it
    /// writes are the levels, in any form kind; text without them is the indicator alone.
    /// </summary>
    public static void SplitCombined(string text, Dictionary<string, string> values)
    {
        if (text.Length == 0) return;
        if (Peel(text) is not { } p) { values.TryAdd("level3", text); return; }
        values.TryAdd("level1", p.L1);
        values.TryAdd("level2", p.L2);
        values.TryAdd("level3", p.L3);
    }

    static (string L1, string L2, string L3)? Peel(string text)
    {
        var v = Vocab.Instance;
        static string Rest(string s, string head) => s[head.Length..].TrimStart('-', '－', '—', '/', '、', ':', '：', ' ');
        var l1 = v.Level1.Where(n => text.StartsWith(n)).OrderByDescending(n => n.Length).FirstOrDefault();
        if (l1 is null) return null;
        var after = Rest(text, l1);
        var l2 = v.Level2ToLevel1.Keys.Concat(v.Level2Aliases.Keys).Where(n => n.EndsWith(v.IndicatorWord) && after.StartsWith(n)).OrderByDescending(n => n.Length).FirstOrDefault();
        if (l2 is null) return null;
        var l3 = Rest(after, l2);
        return l3.Length == 0 ? null : (l1, l2, l3);
    }

    static string? Clean(string? s)
    {
        if (s is null) return null;
        var t = TextNorm.OutputLabel(s);
        // `产出指标（50分）`: the weight in parenthesis is not part of the name.
        t = TextNorm.WithoutParenthesis(t);
        return t.Length == 0 ? null : t;
    }

    static string? CanonicalLevel1(string? s)
    {
        if (s is null) return null;
        var v = Vocab.Instance;
        if (Array.IndexOf(v.Level1, s) >= 0) return s;
        return v.Level1Aliases.TryGetValue(s, out var a) ? a : null;
    }

    static string? CanonicalLevel2(string? s)
    {
        if (s is null) return null;
        var v = Vocab.Instance;
        if (v.Level2ToLevel1.ContainsKey(s)) return s;
        if (v.Level2Aliases.TryGetValue(s, out var a)) return a;
        if (v.Level2ToLevel1.ContainsKey(s + v.IndicatorWord)) return s + v.IndicatorWord;
        return null;
    }

    static string? WithSuffix(string? s) => s is null || s.EndsWith(Vocab.Instance.IndicatorWord) ? s : s + Vocab.Instance.IndicatorWord;
}
