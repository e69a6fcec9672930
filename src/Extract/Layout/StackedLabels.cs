namespace Jixiao.Extract;

/// <summary>
/// Two or more names stacked in one merged cell: without a rule between them, a grid builder makes one cell
/// of `数量指标⏎质量指标` spanning the rows they stand beside. When the cell holds exactly as many lines as the rows
/// it spans and every line is a name on its own, line k belongs to row k (row position), instead of all rows
/// sharing the run-together `数量指标质量指标`. A name wrapped by a narrow column (`服务对象⏎满意度指标`) fails the
/// per-line test, so it stays one name.
/// </summary>
internal static class StackedLabels
{
    /// <summary>The names of the rows cell <paramref name="cell"/> (in row <paramref name="r"/>) spans, one per row,
    /// or null when the cell is not such a stack.</summary>
    public static string[]? Split(List<Line> lines, int r, Cell cell, Func<string, bool> isName)
    {
        if (cell.IsEmpty || cell.Covered || !cell.Raw.Contains('\n')) return null;
        int rows = 1;
        for (int k = r + 1; k < lines.Count && !lines[k].IsParagraph && lines[k].Table == lines[r].Table; k++)
        {
            var below = lines[k].Cells.FirstOrDefault(c => c.Col == cell.Col);
            if (below is null || !below.Covered || below.Ref != cell.Ref) break;
            // Each row it spans is a row of its own: something of its own right of the stack.
            if (!lines[k].Cells.Any(c => c.Col > cell.Col && !c.IsEmpty)) return null;
            rows++;
        }
        if (rows < 2) return null;
        var parts = cell.Raw.Split('\n').Select(TextNorm.OutputLabel).Where(p => p.Length > 0).ToArray();
        return parts.Length == rows && parts.All(isName) ? parts : null;
    }

    /// <summary>A level-2 line that names a level on its own: a taxonomy name or alias, or a name ending in 指标.</summary>
    public static bool IsLevel2Name(string line)
    {
        var v = Vocab.Instance;
        var bare = TextNorm.WithoutParenthesis(line);
        return v.Level2ToLevel1.ContainsKey(bare) || v.Level2Aliases.ContainsKey(bare) || v.Level2ToLevel1.ContainsKey(bare + v.IndicatorWord)
               || bare.Length >= 4 && bare.EndsWith(v.IndicatorWord);
    }

    /// <summary>A level-3 line: every row it stands beside has its own value, so each line that is more than a
    /// character names one indicator.</summary>
    public static bool IsLevel3Name(string line) => TextNorm.Label(line).Length >= 2;
}
