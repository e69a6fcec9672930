namespace Jixiao.Extract;

/// <summary>
/// Decides which section a row opens and lets that section's reader consume it (and the rows that
/// belong with it). Order matters: an indicator header is recognised before anything else because its
/// first cell (`年度绩效目标`) can look like a goal label.
/// </summary>
internal static class SectionDispatcher
{
    /// <returns>The index of the last line consumed.</returns>
    public static int Read(FormDraft draft, List<Line> lines, int i, IndicatorReader.ProjectSplitter split, IRoleOracle oracle)
    {
        var line = lines[i];
        if (IndicatorReader.IsTopHeader(lines, i)) return IndicatorReader.Read(draft, lines, i, split, oracle);
        if (PackedIndicatorReader.IsHeader(line)) return PackedIndicatorReader.Read(draft, lines, i, split);
        if (IndicatorReader.IsHeader(line)) return IndicatorReader.Read(draft, lines, i, split, oracle);
        if (ProjectListReader.IsHeader(line)) return ProjectListReader.Read(draft, lines, i);
        if (BudgetReader.IsStart(line)) return BudgetReader.Read(draft, lines, i);
        if (GoalReader.IsGoal(line)) return GoalReader.Read(draft, lines, i);
        if (IsProse(line)) return i;
        FieldReader.Read(draft, line);
        return i;
    }

    static bool IsProse(Line line)
    {
        var first = line.Filled.First().Label;
        return Array.IndexOf(Vocab.Instance.ProseLabels, TextNorm.WithoutParenthesis(first)) >= 0;
    }

    /// <summary>The first filled cell's label without parenthesis and colon, for section matching.</summary>
    public static string Head(Line line)
    {
        var first = line.Filled.FirstOrDefault();
        return first is null ? "" : TextNorm.WithoutParenthesis(first.Label);
    }

    /// <summary>True when the row opens some other section (so a running section must stop before it).</summary>
    public static bool OpensSection(Line line)
    {
        if (!line.Filled.Any()) return false;
        if (IndicatorReader.IsHeader(line) || ProjectListReader.IsHeader(line) || GoalReader.IsGoal(line)) return true;
        var head = Head(line);
        var v = Vocab.Instance;
        return Array.IndexOf(v.ProseLabels, head) >= 0 || Array.IndexOf(v.ProjectLabels, head) >= 0
               || Array.IndexOf(v.DepartmentLabels, head) >= 0 || Array.IndexOf(v.KnownFieldLabels, head) >= 0
               || Array.IndexOf(v.DepartmentAndFieldLabels, head) >= 0;
    }
}
