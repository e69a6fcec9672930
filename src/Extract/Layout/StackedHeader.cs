namespace Jixiao.Extract;

/// <summary>
/// A header whose upper rows group the columns (长沙 部门整体支出绩效目标表: `单位名称 | 年度预算申请 | 整体绩效目标 |
/// 部门整体支出年度绩效目标` over `资金总额 | 按收入性质分 | 按支出性质分` over `一般公共预算 | … | 一级指标 | 二级指标 …`).
/// The row that names the indicator columns is the last header row; the rows above it belong to the header when
/// their cells are merged down into it (two or more covered slots of that row start above it) and they hold no
/// numbers. Read without them, the columns under the groups lose their names (资金总额, 整体绩效目标).
/// </summary>
internal static class StackedHeader
{
    /// <returns>The index of the header's first row (<paramref name="start"/> itself when nothing above belongs to it).</returns>
    public static int Top(List<Line> lines, int start)
    {
        var row = lines[start];
        var origins = row.Cells.Where(c => c.Covered && c.Ref is { } o && o.Block == row.Table && o.Row < row.Row)
            .Select(c => c.Ref!.Row).ToList();
        if (origins.Count < 2) return start;
        int topRow = origins.Min();
        int top = start;
        while (top > 0 && !lines[top - 1].IsParagraph && lines[top - 1].Table == row.Table && lines[top - 1].Row >= topRow)
        {
            if (lines[top - 1].Filled.Any(c => TextNorm.IsNumber(c.Raw))) return start;
            top--;
        }
        return lines[top].Row == topRow ? top : start;
    }

    /// <summary>The labels over a column, top row first (a merged label counted once).</summary>
    public static List<Cell> Path(IReadOnlyList<Line> header, int col)
    {
        var path = new List<Cell>();
        foreach (var h in header)
            if (h.Cells.FirstOrDefault(c => c.Col <= col && col < c.Col + c.Span && !c.IsEmpty) is { } hit) path.Add(hit);
        return path;
    }
}
