namespace Jixiao.Extract;

/// <summary>
/// Grouped money blocks (spec ruling: several one-column blocks side by side, each with its own group label):
/// `部门预算支出 | 预算金额（万元） | 收入来源 | 预算金额（万元）` over `基本支出 | 12,634.14 | 财政拨款 | 98,880.78`,
/// and a later header row (`事业发展性支出 | 预算金额（万元） | 按预算级次划分 | …`) opening the next groups.
/// Each number becomes `group/row` with a null column.
/// </summary>
internal static class GroupedPairs
{
    /// <summary>Every value-column label has a group label directly to its left, and there are at least two groups.</summary>
    public static bool IsGroupHeader(Line row, Cell blockCell)
    {
        var cells = row.Filled.Where(c => c.Ref != blockCell.Ref).ToList();
        if (cells.Count < 4 || cells.Count % 2 != 0) return false;
        for (int k = 0; k < cells.Count; k += 2)
            if (BudgetReader.IsValueColumn(cells[k].Label) || !BudgetReader.IsValueColumn(cells[k + 1].Label)) return false;
        return true;
    }

    public static int Read(FormDraft draft, List<Line> lines, int start, Cell blockCell)
    {
        int end = BudgetReader.DataEnd(lines, start + 1, lines[start].Table, blockCell);
        var groupAt = new Dictionary<int, string>();
        for (int r = start; r <= end; r++)
        {
            var row = lines[r];
            if (IsGroupHeader(row, blockCell))
            {
                var cells = row.Filled.Where(c => c.Ref != blockCell.Ref).ToList();
                for (int k = 0; k < cells.Count; k += 2)
                {
                    groupAt[cells[k + 1].Col] = BudgetReader.ItemLabel(cells[k].Raw) ?? "";
                    if (TextNorm.UnitInParenthesis(cells[k + 1].Label) is { } unit) draft.OwnUnit(unit);
                }
                continue;
            }
            string? label = null;
            foreach (var cell in row.Filled.Where(c => c.Ref != blockCell.Ref))
            {
                if (!TextNorm.IsNumber(cell.Raw)) { label = BudgetReader.ItemLabel(cell.Raw); continue; }
                if (label is null) continue;
                var item = groupAt.TryGetValue(cell.Col, out var group) && group.Length > 0 ? group + "/" + label : label;
                MoneyFacts.Add(draft, item, null, cell);
                label = null;
            }
        }
        return end;
    }
}
