using System.Runtime.CompilerServices;

namespace Jixiao.Extract;

/// <summary>
/// The header area of a form: the rows of a form's table from its top down to the first indicator table, goal or
/// project list. There every label → value pair is a field whatever its label says (spec `fields`); elsewhere a row
/// no section reader claims is more often part of another table than a field, so only labels the vocabulary or a
/// colon vouch for are read there.
/// </summary>
internal static class HeaderArea
{
    public static bool Holds(FormDraft draft, List<Line> lines, int i) =>
        !draft.HasBodyBesideMoney && IsFormTable(lines, i);

    /// <summary>
    /// Is the table of line <paramref name="i"/> a 绩效 form's table? Some row of it opens with a header label the
    /// vocabulary knows (项目名称, 部门名称, 主管部门, 填报人 …), a goal, or an indicator header. A budget book's other
    /// tables (收支总表, 项目支出表) sit between the forms and hold label → number rows too; they are not a header.
    /// </summary>
    public static bool IsFormTable(List<Line> lines, int i)
    {
        int table = lines[i].Table;
        if (table < 0) return false;
        var known = Cache.GetOrCreateValue(lines);
        lock (known)
        {
            if (known.TryGetValue(table, out var yes)) return yes;
            int start = i, end = i;
            while (start > 0 && lines[start - 1].Table == table) start--;
            while (end + 1 < lines.Count && lines[end + 1].Table == table) end++;
            yes = false;
            for (int r = start; r <= end && !yes; r++) yes = OpensFormRow(lines[r]);
            known[table] = yes;
            return yes;
        }
    }

    static bool OpensFormRow(Line line)
    {
        var first = line.Filled.FirstOrDefault();
        if (first is null) return false;
        var v = Vocab.Instance;
        var label = first.Label;
        var bare = TextNorm.WithoutParenthesis(label);
        return Array.IndexOf(v.ProjectLabels, label) >= 0 || Array.IndexOf(v.ProjectLabels, bare) >= 0
               || Array.IndexOf(v.DepartmentLabels, label) >= 0 || Array.IndexOf(v.DepartmentAndFieldLabels, bare) >= 0
               || Array.IndexOf(v.KnownFieldLabels, bare) >= 0 || GoalReader.IsGoal(line)
               || IndicatorReader.IsHeader(line) || PackedIndicatorReader.IsHeader(line);
    }

    static readonly ConditionalWeakTable<List<Line>, Dictionary<int, bool>> Cache = new();
}
