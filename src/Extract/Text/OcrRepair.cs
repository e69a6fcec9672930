namespace Jixiao.Extract;

/// <summary>
/// OCR misreads a glyph or two of the labels it sees (`年度资金吕额` for 年度资金总额, `士年结转资金` for
/// 上年结转资金). Labels come from small closed vocabularies, so an OCR'd label the one label matcher places near a
/// known label (<see cref="LabelPolicy.OcrLabel"/>) is read as that label. Values are never touched.
/// </summary>
internal static class OcrRepair
{
    static LabelMatcher? _budgetItems, _budgetColumns, _fields, _level1, _level2;
    static LabelMatcher BudgetItems => _budgetItems ??= LabelMatcher.OfSpellings(Vocab.Instance.BudgetItems, LabelPolicy.OcrLabel);
    static LabelMatcher BudgetColumns => _budgetColumns ??= LabelMatcher.OfSpellings(Vocab.Instance.BudgetColumnLabels, LabelPolicy.OcrLabel);
    static LabelMatcher Fields => _fields ??= LabelMatcher.OfSpellings(Vocab.Instance.KnownFieldLabels.Concat(Vocab.Instance.DepartmentAndFieldLabels), LabelPolicy.OcrLabel);

    /// <summary>Level names by meaning: an alias (产出) means its level (产出指标), so the two are never a tie.</summary>
    static LabelMatcher Level1 => _level1 ??= new(Vocab.Instance.Level1.Select(l => (l, l))
        .Concat(Vocab.Instance.Level1Aliases.Select(a => (a.Key, a.Value))), LabelPolicy.OcrLabel);
    static LabelMatcher Level2 => _level2 ??= new(Vocab.Instance.Level2ToLevel1.Keys.Select(l => (l, l))
        .Concat(Vocab.Instance.Level2Aliases.Select(a => (a.Key, a.Value))), LabelPolicy.OcrLabel);

    /// <summary>Budget items and columns, field labels.</summary>
    public static void Apply(Form form)
    {
        foreach (var b in form.Budget)
        {
            b.Item = string.Join("/", b.Item.Split('/').Select(p => Snap(p, BudgetItems)));
            if (b.Column is not null) b.Column = Snap(b.Column, BudgetColumns);
        }
        var fields = form.Fields.ToList();
        form.Fields.Clear();
        foreach (var (label, value) in fields) form.Fields.TryAdd(Snap(label.Trim('”', '“', '"', '\'', '‘', '’', '|', '」', '「'), Fields), value);
    }

    /// <summary>An indicator's level-1 and level-2 names.</summary>
    public static void Apply(Indicator ind)
    {
        if (ind.Level1 is { } l1)
        {
            ind.Level1 = Snap(l1, Level1);
            if (ind.Level1 != l1) ind.FlagForReview($"repaired: {l1}→{ind.Level1}");
        }
        if (ind.Level2 is { } l2)
        {
            ind.Level2 = Snap(l2, Level2);
            if (ind.Level2 != l2) ind.FlagForReview($"repaired: {l2}→{ind.Level2}");
        }
    }

    /// <summary>The vocabulary spelling <paramref name="text"/> was read for; else the text without OCR specks
    /// (when three characters or more are left), else the text.</summary>
    public static string Snap(string text, LabelMatcher vocabulary)
    {
        if (vocabulary.Match(text) is { } m) return m.Spelling;
        var clean = vocabulary.Policy.Key(text);
        return clean.Length >= 3 ? clean : text;
    }
}
