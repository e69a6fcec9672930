namespace Jixiao.Extract;

/// <summary>
/// Which vocabulary (Vocabulary/*.json) a text belongs to, as a fixed set of 0/1 features: the rules'
/// knowledge handed to the model, so that it learns how much to trust each list in each position.
/// </summary>
internal static class VocabHits
{
    static readonly string[] ColumnRoles =
    {
        "level1", "level2", "level3", "target", "actual", "weight", "score", "basis", "category", "deviation",
        "comparator", "unit", "prev2", "prev1", "year", "project", "money", "goal", "ignore", "group",
    };

    public const int Count = 20 + 14;

    /// <summary>
    /// Column roles are matched by exact spelling only. The rules' near-miss match (<see cref="Vocab.ColumnRoleLoose"/>)
    /// is for choosing a column, not a feature: a value cell matched that way looked like a column name, and on
    /// headers it blurs what the model learns from the n-grams (held-out indicator cells 0.675 with it, 0.919 without).
    /// </summary>
    public static void Write(string label, Span<float> into)
    {
        if (label.Length == 0) return;
        var v = Vocab.Instance;
        var bare = TextNorm.WithoutParenthesis(label);
        var role = IndicatorReader.RoleOf(label, loose: false);
        if (role is not null)
        {
            var key = role.StartsWith("year:") ? "year" : role;
            int k = Array.IndexOf(ColumnRoles, key);
            if (k >= 0) into[k] = 1;
        }
        int o = ColumnRoles.Length;
        into[o++] = Has(v.ProjectLabels, label, bare);
        into[o++] = Has(v.DepartmentLabels, label, bare);
        into[o++] = Has(v.DepartmentAndFieldLabels, label, bare);
        into[o++] = Has(v.KnownFieldLabels, label, bare);
        into[o++] = FieldReader.IsLabel(label, loose: false) ? 1 : 0;
        into[o++] = GoalReader.Canonical(label, loose: false) is not null ? 1 : 0;
        into[o++] = Has(v.BudgetBlockLabels, label, bare);
        into[o++] = BudgetReader.IsValueColumn(label) ? 1 : 0;
        into[o++] = Has(v.BudgetItems, label, bare);
        into[o++] = Array.IndexOf(v.Level1, bare) >= 0 || v.Level1Aliases.ContainsKey(bare) ? 1 : 0;
        into[o++] = v.Level2ToLevel1.ContainsKey(bare) || v.Level2Aliases.ContainsKey(bare) || v.Level2ToLevel1.ContainsKey(bare + v.IndicatorWord) ? 1 : 0;
        into[o++] = Has(v.ScopeLabels, label, bare);
        into[o++] = label.Length >= 4 && TitleRules.IsTitle(label) ? 1 : 0;
        into[o++] = Has(v.ProseLabels, label, bare);
    }

    static float Has(string[] list, string label, string bare) => Array.IndexOf(list, label) >= 0 || Array.IndexOf(list, bare) >= 0 ? 1 : 0;
}
