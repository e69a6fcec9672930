namespace Jixiao.Extract;

/// <summary>
/// What a table cell is in a 绩效表 (issue 7): the labels the cell-role model learns from gold and predicts
/// where the rules are unsure. The value roles map one to one onto the indicator columns the rules know.
/// </summary>
public enum CellRole
{
    Noise,
    FormTitle,
    FieldLabel,
    FieldValue,
    ColumnHeader,
    Level1Label,
    Level2Label,
    Level3Label,
    TargetValue,
    ActualValue,
    WeightValue,
    ScoreValue,
    HistoryValue,
    BasisText,
    CategoryValue,
    DeviationText,
    BudgetItem,
    BudgetColumn,
    BudgetValue,
    GoalLabel,
    GoalText,
}

internal static class CellRoles
{
    /// <summary>The indicator column role (IndicatorReader's names) a cell role fills, or null.</summary>
    public static string? ColumnRole(CellRole role) => role switch
    {
        CellRole.Level1Label => "level1",
        CellRole.Level2Label => "level2",
        CellRole.Level3Label => "level3",
        CellRole.TargetValue => "target",
        CellRole.ActualValue => "actual",
        CellRole.WeightValue => "weight",
        CellRole.ScoreValue => "score",
        CellRole.BasisText => "basis",
        CellRole.CategoryValue => "category",
        CellRole.DeviationText => "deviation",
        _ => null,
    };

    /// <summary>The cell role of an indicator column role (`target` → TargetValue); the inverse of <see cref="ColumnRole"/>.</summary>
    public static CellRole? OfColumnRole(string columnRole)
    {
        foreach (var role in Enum.GetValues<CellRole>())
            if (ColumnRole(role) == columnRole) return role;
        return null;
    }

    public static readonly int Count = Enum.GetValues<CellRole>().Length;
}
