namespace Jixiao.Extract;

/// <summary>
/// Hands a row to the first reader in <see cref="SectionReaders.InOrder"/> that says the row opens its section,
/// and tells running sections where the next one starts.
/// </summary>
internal static class SectionDispatcher
{
    /// <returns>The index of the last line consumed.</returns>
    public static int Read(FormDraft draft, List<Line> lines, int i, IndicatorReader.ProjectSplitter split, IRoleOracle oracle)
    {
        var context = new SectionContext(draft, lines, split, oracle);
        foreach (var reader in SectionReaders.InOrder)
            if (reader.Opens(lines, i)) return reader.Read(context, i);
        return i;
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
