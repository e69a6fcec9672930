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
        var v = Vocab.Instance;
        var bare = TextNorm.WithoutParenthesis(label);
        if (bare.StartsWith(v.SharePrefix)) return false;
        if (v.ColumnRole(bare) is not null || Array.IndexOf(v.Level1, bare) >= 0 || v.Level2ToLevel1.ContainsKey(bare)) return false;
        if (Array.IndexOf(v.TotalRows, bare) >= 0 || Array.IndexOf(v.NotApplicable, bare) >= 0) return false;
        return !IsSectionWord(label);
    }

    /// <summary>A word that names a section or a column of one (年度 goals header, 预期目标, 资金情况, 当年金额 …): never a field's label or value.</summary>
    public static bool IsSectionWord(string label)
    {
        var v = Vocab.Instance;
        var bare = TextNorm.WithoutParenthesis(label);
        return GoalReader.Canonical(label) is not null || Array.IndexOf(v.BudgetBlockLabels, bare) >= 0
               || Array.IndexOf(v.BudgetColumnLabels, bare) >= 0 || Array.IndexOf(v.ProseLabels, bare) >= 0
               || Array.IndexOf(v.ProjectListLabels, bare) >= 0 || Array.IndexOf(v.ScopeLabels, bare) >= 0
               || v.ColumnRole(bare) is not null;
    }

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
