namespace Jixiao.Extract;

/// <summary>
/// Where a form ends by layout (issue 17: "a form ends where an unrelated table starts"): a table that follows a
/// form with content, has a column grid of its own (not the grid of the table before it, which is how a table
/// continued after a page break comes) and none of whose rows holds anything of a form — a title, a header label
/// the vocabulary knows, an indicator, goal, project-list or prose section, a money block named as one — is another table of the book
/// (a distribution list, a 收支总表). It ends the form: its label-shaped cells are not the form's fields.
/// </summary>
internal static class FormBoundary
{
    /// <summary>The last line of the table that starts at line <paramref name="i"/> when that table is unrelated to the form before it; −1 otherwise.</summary>
    public static int UnrelatedTableEnd(List<Line> lines, int i)
    {
        var line = lines[i];
        // Flattened text has no column positions to compare.
        if (line.IsParagraph || line.Ragged) return -1;
        int previous = i - 1;
        while (previous >= 0 && lines[previous].IsParagraph) previous--;
        if (previous >= 0 && lines[previous].Table == line.Table) return -1;
        int end = i;
        while (end + 1 < lines.Count && lines[end + 1].Table == line.Table) end++;
        if (previous >= 0 && Width(lines, TableStart(lines, previous), previous) == Width(lines, i, end)) return -1;
        for (int r = i; r <= end; r++)
            if (HoldsFormPart(lines, r)) return -1;
        return end;
    }

    static bool HoldsFormPart(List<Line> lines, int r)
    {
        var filled = lines[r].Filled.ToList();
        if (filled.Count == 0) return false;
        if (filled.Count == 1 && (TitleRules.IsTitle(filled[0].Raw) || FormReader.UnitOf(filled[0].Raw) is not null)) return true;
        if (HeaderArea.OpensFormRow(lines[r])) return true;
        // Money columns alone (项目 | 预算数 …) are a budget book's own tables too: a money block is the form's when a
        // row names it as one (资金情况, 项目资金 …).
        if (Array.IndexOf(Vocab.Instance.BudgetBlockLabels, TextNorm.WithoutParenthesis(filled[0].Label)) >= 0) return true;
        // Every other reader but the catch-all header pairs names a part of a form.
        return SectionReaders.InOrder.Any(reader => reader is not (FieldSection or MoneySection or MoneyTotalWithPartsSection) && reader.Opens(lines, r));
    }

    static int TableStart(List<Line> lines, int r)
    {
        while (r > 0 && lines[r - 1].Table == lines[r].Table) r--;
        return r;
    }

    /// <summary>The number of grid columns a table spans.</summary>
    static int Width(List<Line> lines, int from, int to)
    {
        int width = 0;
        for (int r = from; r <= to; r++)
            foreach (var c in lines[r].Cells) width = Math.Max(width, c.Col + c.Span);
        return width;
    }
}
