namespace Jixiao.Extract;

/// <summary>
/// What a header-area label looks like when no vocabulary knows it (项目性质, 计划开始时间, 资金绩效联络员 …):
/// a short run of words — not a number, a date, a sentence or a checkbox list, and not a word that belongs to
/// another section (an indicator column, a level name, a money part `其中：…`). Whether such a cell is a label
/// is then decided by where it stands (<see cref="FieldReader"/>).
/// </summary>
internal static class HeaderLabel
{
    const int MaxLength = 20;
    static readonly char[] SentenceMarks = "，。；;、！？!?□☐☑■√".ToCharArray();

    public static bool IsShaped(string label)
    {
        if (label.Length < 2 || label.Length > MaxLength) return false;
        if (label.Any(char.IsDigit) || label.IndexOfAny(SentenceMarks) >= 0) return false;
        var bare = TextNorm.WithoutParenthesis(label);
        if (bare.StartsWith(Vocab.Instance.SharePrefix)) return false;
        // A header-field label first, as FieldReader reads them: `（项目名称）` is the project's label even though
        // 项目名称 also heads a project column in indicator tables.
        if (Vocab.Instance.FieldGroupLoose(label) is not null) return true;
        return OtherSectionWords.Match(label) is null && !IsSectionWord(label);
    }

    /// <summary>A word that names a section or a column of one (年度 goals header, 预期目标, 资金情况, 当年金额 …): never a field's label or value.</summary>
    public static bool IsSectionWord(string label) => SectionWords.Match(label) is not null;

    /// <summary>
    /// Words that name a section or a column of one, matched as header labels are
    /// (<see cref="LabelPolicy.HeaderLabel"/>: `资金情况（万元）`, `预期目标：`, one wrong character in a label of five or
    /// more). One meaning, "a section word": a label near two of them is near a section word all the same.
    /// </summary>
    static LabelMatcher SectionWords => _sectionWords ??= OneMeaning("section", Vocab.Instance.GoalLabels.Keys, Vocab.Instance.BudgetBlockLabels,
        Vocab.Instance.BudgetColumnLabels, Vocab.Instance.ProseLabels, Vocab.Instance.ProjectListLabels, Vocab.Instance.ScopeLabels,
        Vocab.Instance.Columns.Where(c => c.Key != "groups").SelectMany(c => c.Value));

    /// <summary>Words of the other sections' rows — indicator levels, totals, 不适用 — which are never a header label either.</summary>
    static LabelMatcher OtherSectionWords => _otherSectionWords ??= OneMeaning("row", Vocab.Instance.Level1, Vocab.Instance.Level2ToLevel1.Keys,
        Vocab.Instance.TotalRows, Vocab.Instance.NotApplicable);

    static LabelMatcher? _sectionWords, _otherSectionWords;

    static LabelMatcher OneMeaning(string meaning, params IEnumerable<string>[] lists) =>
        LabelMatcher.OfMeanings(new[] { (meaning, lists.SelectMany(l => l)) }, LabelPolicy.HeaderLabel);

    /// <summary>`主要政策任务：保障…` — a label and its value in one cell; null when the text before the colon is no label.</summary>
    public static (string Label, string Value)? SplitAtColon(string raw)
    {
        int colon = raw.IndexOfAny(new[] { '：', ':' });
        if (colon <= 0 || colon >= raw.Length - 1) return null;
        if (FormReader.UnitOf(raw) is not null && TextNorm.Label(raw).Length <= 12) return null;
        var label = raw[..colon];
        if (!IsShaped(TextNorm.Label(label))) return null;
        var value = raw[(colon + 1)..];
        return TextNorm.Value(value) is null ? null : (label, value);
    }
}
