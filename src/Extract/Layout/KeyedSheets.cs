namespace Jixiao.Extract;

/// <summary>
/// Sheets of one workbook that share a key column: a project sheet (项目编码 | 项目名称 | 申请单位 | … | 年度目标,
/// one row per project) and an indicator sheet (项目编码 | 一级指标 | 二级指标 | 三级指标 | 指标值, one row per
/// indicator). Read apart, the indicator rows name no project and all land in one keyless form. Joined on the
/// shared column they become the flat export they were cut from (one row per indicator with its project's
/// columns in front), which the indicator reader already reads one form per project.
/// The key is found by layout, not by name: a header label both tables carry, unique and filled on every row
/// of the project table, and naming a project row for every indicator row. Anything less and the tables stay
/// as they are (a partial join would put indicators into the wrong project's form).
/// </summary>
internal static class KeyedSheets
{
    public static List<Line> Join(List<Line> lines)
    {
        var tables = lines.Where(l => !l.IsParagraph).GroupBy(l => l.Table).Select(g => g.ToList()).ToList();
        if (tables.Count < 2) return lines;
        foreach (var detail in tables)
        {
            if (!IsIndicatorList(detail)) continue;
            foreach (var master in tables)
            {
                if (master == detail || !IsProjectList(master)) continue;
                if (Joined(master, detail) is not { } joined) continue;
                var result = new List<Line>(lines.Count);
                foreach (var line in lines)
                {
                    if (line.Table == master[0].Table) continue;
                    if (line == detail[0]) result.AddRange(joined);
                    else if (line.Table != detail[0].Table) result.Add(line);
                }
                return Join(result);
            }
        }
        return lines;
    }

    /// <summary>An indicator table whose rows name no project (its header has level columns but no 项目名称 column).</summary>
    static bool IsIndicatorList(List<Line> table) =>
        table.Count > 1 && IndicatorReader.IsHeader(table[0]) && !table[0].Filled.Any(c => IndicatorReader.RoleOf(c.Label) is "project");

    /// <summary>One row per project: a 项目名称 column and no indicator columns.</summary>
    static bool IsProjectList(List<Line> table) =>
        table.Count > 1 && !IndicatorReader.IsHeader(table[0]) && table[0].Filled.Any(c => IndicatorReader.RoleOf(c.Label) is "project");

    static List<Line>? Joined(List<Line> master, List<Line> detail)
    {
        foreach (var keyCell in detail[0].Filled)
        {
            var masterKey = master[0].Filled.FirstOrDefault(c => c.Label == keyCell.Label);
            if (masterKey is null || IndicatorReader.RoleOf(keyCell.Label) is "project") continue;
            var byKey = new Dictionary<string, Line>();
            bool unique = true;
            foreach (var row in master.Skip(1).Where(r => r.Filled.Any()))
            {
                var key = KeyOf(row, masterKey.Col);
                if (key is null || !byKey.TryAdd(key, row)) { unique = false; break; }
            }
            if (!unique || byKey.Count == 0) continue;
            var rows = detail.Skip(1).Where(r => r.Filled.Any()).ToList();
            if (rows.Count == 0 || !rows.All(r => KeyOf(r, keyCell.Col) is { } k && byKey.ContainsKey(k))) continue;
            return Build(master, detail, byKey, rows, keyCell.Col);
        }
        return null;
    }

    static string? KeyOf(Line row, int col) =>
        row.Cells.FirstOrDefault(c => c.Col == col && !c.IsEmpty) is { } cell ? TextNorm.Label(cell.Raw) : null;

    /// <summary>
    /// The flat export: the project table's header and columns in front, the indicator table's other columns after
    /// them. Projects in the project table's order, each with its indicator rows (a project without any keeps one
    /// row: it is still a form, with its fields, money and goal).
    /// </summary>
    static List<Line> Build(List<Line> master, List<Line> detail, Dictionary<string, Line> byKey, List<Line> rows, int keyCol)
    {
        int width = master.Max(l => l.Cells.Count == 0 ? 0 : l.Cells.Max(c => c.Col + c.Span));
        int block = detail[0].Block;
        var joined = new List<Line> { Combine(master[0], detail[0], width, keyCol, block, detail[0].Row) };
        var byProject = rows.ToLookup(r => KeyOf(r, keyCol));
        foreach (var (key, projectRow) in byKey)
        {
            var own = byProject[key].ToList();
            if (own.Count == 0) joined.Add(Combine(projectRow, null, width, keyCol, block, -1));
            foreach (var row in own) joined.Add(Combine(projectRow, row, width, keyCol, block, row.Row));
        }
        return joined;
    }

    static Line Combine(Line front, Line? back, int width, int keyCol, int block, int row)
    {
        var cells = front.Cells.Select(c => c).ToList();
        if (back is not null)
            cells.AddRange(back.Cells.Where(c => c.Col != keyCol).Select(c => new Cell
            {
                Raw = c.Raw, Label = c.Label, Col = width + c.Col, Span = c.Span, Covered = c.Covered, Ref = c.Ref,
            }));
        return new Line { Block = block, Row = row, Cells = cells, Ragged = front.Ragged };
    }
}
