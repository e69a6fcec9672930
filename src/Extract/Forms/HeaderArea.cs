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
    public static bool Holds(FormDraft draft, List<Line> lines, int i)
    {
        if (draft.HasBodyBesideMoney) return false;
        var t = TableOf(lines, i);
        return t is { FormTable: true } && i <= t.ListHeaderRow;
    }

    /// <summary>
    /// Is the table of line <paramref name="i"/> a 绩效 form's table? Some row of it opens with a header label the
    /// vocabulary knows (项目名称, 部门名称, 主管部门, 填报人 …), a goal, or an indicator header. A budget book's other
    /// tables (收支总表, 项目支出表) sit between the forms and hold label → number rows too; they are not a header.
    /// </summary>
    public static bool IsFormTable(List<Line> lines, int i) => TableOf(lines, i)?.FormTable == true;

    /// <summary>
    /// A row of column names (`项目编码 | 项目名称 | 申请单位 | 一级预算单位 | 项目总金额 …`): three or more cells, every one
    /// shaped like a label, two side by side that the vocabulary or a label ending knows. It heads a flat list, one
    /// record per row below: neither it nor its records are header pairs. A row that reads as written label → value
    /// pairs is none, even when a value happens to end like a label (`项目实施单位 | 乙单位 | 项目负责人 | 张三`).
    /// </summary>
    public static bool IsListHeader(Line line)
    {
        var cells = line.Cells.Where(c => !c.Covered).ToList();
        var filled = cells.Where(c => !c.IsEmpty).ToList();
        if (filled.Count < 3 || !filled.All(c => HeaderLabel.IsShaped(c.Label) || FieldReader.IsLabel(c.Label) || HeaderLabel.IsSectionWord(c.Label))) return false;
        if (ReadsAsWrittenPairs(cells)) return false;
        for (int k = 0; k + 1 < cells.Count; k++)
            if (FieldReader.IsLabel(cells[k].Label) && FieldReader.IsLabel(cells[k + 1].Label)) return true;
        return false;
    }

    /// <summary>
    /// Label, value, label, value…: the label positions (first, third …) hold labels, at least one of them vouched for
    /// by the vocabulary or a colon, and no value position holds such a label. Column names of a list stand side by
    /// side instead (`项目编码 | 项目名称 | 申请单位 …`), so a written label sits at a value position there. A label
    /// position may hold a label the vocabulary does not know (`项目属性 | 事业单位 | 项目负责人 | 张三`): the written
    /// label beside it sets the row's rhythm, and its value is a value however it ends.
    /// </summary>
    static bool ReadsAsWrittenPairs(List<Cell> cells)
    {
        if (cells.Count < 2) return false;
        bool written = false;
        for (int k = 0; k < cells.Count; k++)
        {
            var cell = cells[k];
            bool labelPosition = k % 2 == 0;
            if (labelPosition && FieldReader.WrittenLabel(cell)) written = true;
            else if (labelPosition && !HeaderLabel.IsShaped(cell.Label) && !(cell.IsEmpty && k == cells.Count - 1)) return false;
            if (!labelPosition && !cell.IsEmpty && (FieldReader.WrittenLabel(cell) || HeaderLabel.IsSectionWord(cell.Label))) return false;
        }
        return written;
    }

    /// <summary>What the header area needs to know of a table, worked out once per table.</summary>
    sealed record TableShape(bool FormTable, int ListHeaderRow);

    static TableShape? TableOf(List<Line> lines, int i)
    {
        int table = lines[i].Table;
        if (table < 0) return null;
        var known = Cache.GetOrCreateValue(lines);
        lock (known)
        {
            if (known.TryGetValue(table, out var shape)) return shape;
            int start = i, end = i;
            while (start > 0 && lines[start - 1].Table == table) start--;
            while (end + 1 < lines.Count && lines[end + 1].Table == table) end++;
            bool form = false;
            int listHeader = int.MaxValue;
            for (int r = start; r <= end; r++)
            {
                form |= OpensFormRow(lines[r]);
                if (listHeader == int.MaxValue && IsListHeader(lines[r])) listHeader = r;
            }
            return known[table] = new TableShape(form, listHeader);
        }
    }

    /// <summary>A row that opens with a header label the vocabulary knows, a goal, or an indicator header.</summary>
    internal static bool OpensFormRow(Line line)
    {
        var first = line.Filled.FirstOrDefault();
        if (first is null) return false;
        return FieldReader.IsVocabularyLabel(first.Label) || GoalReader.IsGoal(line)
               || IndicatorReader.IsHeader(line) || PackedIndicatorReader.IsHeader(line);
    }

    static readonly ConditionalWeakTable<List<Line>, Dictionary<int, TableShape>> Cache = new();
}
