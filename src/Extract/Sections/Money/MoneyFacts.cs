namespace Jixiao.Extract;

/// <summary>
/// The one place a money cell becomes a <see cref="BudgetFact"/>: every money layout (label → number pairs,
/// grids, grouped and sideways blocks, money columns of a project row, header pairs such as
/// `项目总金额（万元）：…`) reads its own geometry and hands item, column and cell here. Items lose `其中：` and the
/// parenthesis that names a unit (spec rulings), values are kept as written, empty and dash cells are not values.
/// </summary>
internal static class MoneyFacts
{
    public static void Add(FormDraft draft, string item, string? column, Cell cell) => Add(draft.Form, item, column, cell.Raw, cell.Ref);

    public static void Add(Form form, string item, string? column, string raw, SourceRef? source = null)
    {
        var value = TextNorm.Value(raw);
        if (value is null || !TextNorm.HasDigit(value) || item.Length == 0) return;
        form.Budget.Add(new BudgetFact { Item = item, Column = column, Value = value, Source = source });
    }
}
