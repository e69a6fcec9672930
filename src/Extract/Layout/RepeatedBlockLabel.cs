namespace Jixiao.Extract;

/// <summary>
/// A block label merged down the left edge of a table (北京 部门整体支出绩效目标表: `整体绩效目标` beside the goal,
/// 其他说明 and the whole indicator table) is written again at the top of the next page when the merged cell is cut
/// by a page break. There it stands in the column left of the indicator header's first column, and the row goes on
/// with values under the header's columns. Such a row is an indicator row that carries its block's label, not a new
/// goal row; read as one, the first indicator became a 总体目标 text and the table ended there.
/// </summary>
internal static class RepeatedBlockLabel
{
    public static bool IsBesideTable(Line row, Line header)
    {
        var filled = row.Filled.ToList();
        int firstHeaderCol = header.Filled.FirstOrDefault()?.Col ?? 0;
        return filled.Count >= 3 && firstHeaderCol > 0 && filled[0].Col < firstHeaderCol
               && filled[1].Col >= firstHeaderCol && filled.Skip(1).All(c => GoalReader.Canonical(c.Label) is null);
    }
}
