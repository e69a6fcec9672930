namespace Jixiao.Extract;

/// <summary>
/// OCR misreads a glyph or two of the labels it sees (`年度资金吕笑` for 年度资金总额, `士年结转资金` for
/// 上年结转资金). Labels come from small closed vocabularies, so an OCR'd label within a small edit
/// distance of exactly one known label is read as that label. Values are never touched.
/// </summary>
internal static class OcrRepair
{
    /// <summary>Budget items and columns, field labels.</summary>
    public static void Apply(Form form)
    {
        var v = Vocab.Instance;
        foreach (var b in form.Budget)
        {
            b.Item = string.Join("/", b.Item.Split('/').Select(p => Snap(p, v.BudgetItems)));
            if (b.Column is not null) b.Column = Snap(b.Column, v.BudgetColumnLabels);
        }
        var fields = form.Fields.ToList();
        form.Fields.Clear();
        var known = v.KnownFieldLabels.Concat(v.DepartmentAndFieldLabels).ToArray();
        foreach (var (label, value) in fields) form.Fields.TryAdd(Snap(label.Trim('”', '“', '"', '\'', '‘', '’', '|', '」', '「'), known), value);
    }

    /// <summary>An indicator's level-1 and level-2 names.</summary>
    public static void Apply(Indicator ind)
    {
        var v = Vocab.Instance;
        if (ind.Level1 is { } l1)
        {
            ind.Level1 = Snap(l1, v.Level1.Concat(v.Level1Aliases.Keys).ToArray());
            if (ind.Level1 != l1) ind.FlagForReview($"repaired: {l1}→{ind.Level1}");
        }
        if (ind.Level2 is { } l2)
        {
            ind.Level2 = Snap(l2, v.Level2ToLevel1.Keys.Concat(v.Level2Aliases.Keys).ToArray());
            if (ind.Level2 != l2) ind.FlagForReview($"repaired: {l2}→{ind.Level2}");
        }
    }

    /// <summary>The one vocabulary label within distance max(1, length/4) of <paramref name="text"/>, else the text.</summary>
    public static string Snap(string text, IReadOnlyList<string> vocabulary)
    {
        if (text.Length < 3 || vocabulary.Contains(text)) return text;
        // Specks and rule stubs come back as dots, bars and stray brackets inside a label (`.产出.指标`, `|数量指标`).
        var clean = new string(text.Where(c => !Noise.Contains(c)).ToArray());
        if (clean.Length >= 2 && clean != text && vocabulary.Contains(clean)) return clean;
        if (clean.Length >= 3) text = clean;
        int limit = Math.Max(1, text.Length / 4);
        string? best = null;
        int bestDistance = int.MaxValue, ties = 0;
        foreach (var word in vocabulary)
        {
            if (Math.Abs(word.Length - text.Length) > limit) continue;
            int d = Distance(text, word);
            if (d < bestDistance) { best = word; bestDistance = d; ties = 1; }
            else if (d == bestDistance) ties++;
        }
        return best is not null && bestDistance <= limit && ties == 1 ? best : text;
    }

    const string Noise = "·.,，。:：;；|'\"“”‘’「」『』[]【】 \t";

    static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
