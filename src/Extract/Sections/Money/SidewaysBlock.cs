namespace Jixiao.Extract;

/// <summary>
/// A money block turned on its side (Beijing 部门整体支出绩效目标表 总体资金情况): rows of column labels
/// (`预算支出总额 | 财政拨款 | 其他资金` over `合计 | 基本支出 | 项目支出 | …`), then a row of numbers with no row
/// label. Each number's item is the path of the labels above it (`财政拨款/基本支出`), column null, the way the
/// grouped blocks write `group/row`.
/// </summary>
internal static class SidewaysBlock
{
    /// <returns>The last row of the block, or null when the block is not laid out this way.</returns>
    public static int? TryRead(FormDraft draft, List<Line> lines, int start, Cell blockCell)
    {
        int end = BudgetReader.DataEnd(lines, start + 1, lines[start].Table, blockCell);
        var header = new List<Line>();
        var data = new List<Line>();
        for (int r = start; r <= end; r++)
        {
            var cells = Own(lines[r], blockCell);
            if (cells.Count == 0) continue;
            bool numbers = cells.Any(c => TextNorm.IsNumber(c.Raw));
            if (numbers && cells.Any(c => !TextNorm.IsNumber(c.Raw))) return null;
            if (numbers) data.Add(lines[r]);
            else if (data.Count > 0) return null;
            else header.Add(lines[r]);
        }
        if (header.Count == 0 || data.Count == 0) return null;
        foreach (var row in data)
            foreach (var cell in Own(row, blockCell))
            {
                var path = header
                    .Select((h, k) => LabelAbove(h, cell.Col, k < header.Count - 1))
                    .Where(c => c is not null && c.Ref != blockCell.Ref)
                    .Select(c => BudgetReader.ItemLabel(c!.Raw))
                    .Where(l => l is not null)
                    .ToList();
                if (path.Count == 0) continue;
                MoneyFacts.Add(draft, string.Join("/", path), null, cell);
            }
        return end;
    }

    /// <summary>
    /// The label over a column in one header row. In a group row (not the last header row) an empty cell that is
    /// not a vertical merge continues the group to its left: the PDF reader may lose a heading's span
    /// (`财政拨款 |  |  | 其他资金` over `合计 | 基本支出 | 项目支出 | 合计 | …`).
    /// </summary>
    static Cell? LabelAbove(Line header, int col, bool groupRow)
    {
        var hit = header.Cells.FirstOrDefault(c => c.Col <= col && col < c.Col + c.Span);
        if (hit is null) return null;
        if (!hit.IsEmpty) return hit;
        if (!groupRow || hit.Covered) return null;
        return header.Cells.Where(c => c.Col < col && !c.IsEmpty).OrderByDescending(c => c.Col).FirstOrDefault() is { Covered: false } left
               && header.Cells.Where(c => c.Col > left.Col && c.Col < col).All(c => c.IsEmpty && !c.Covered) ? left : null;
    }

    static List<Cell> Own(Line row, Cell blockCell) => row.Filled.Where(c => c.Ref != blockCell.Ref).ToList();
}
