namespace Jixiao.Extract;

/// <summary>
/// One table, many projects (budget books: 项目名称 | 项目总额 | 绩效目标 | 一级指标 …, a flat export's rows, a packed
/// page): the row that names a new project opens that project's form, and the row's money columns are the form's
/// one-column money block turned on its side (item = the column label, column null). Both indicator readers
/// (column-per-role and packed cells) open project forms through here, so they cannot drift apart.
/// </summary>
internal static class ProjectRows
{
    public static FormDraft Open(FormDraft draft, IndicatorReader.ProjectSplitter split, string project,
        IEnumerable<(string Item, Cell Cell)> money, string? goal)
    {
        var form = split(draft, project);
        foreach (var (item, cell) in money) MoneyFacts.Add(form, TextNorm.WithoutParenthesis(item), null, cell);
        if (goal is not null) GoalReader.Add(form, GoalLabel.Annual, goal);
        return form;
    }
}
