namespace Jixiao.Extract;

/// <summary>
/// A money total followed by its parts, with no block label over them: `实施期资金总额（万元） | 120.00`,
/// `其中：财政拨款 | 100.00`, `其他资金 | 20.00`. Known by layout: a label → number row that names a money unit
/// or stands over a `其中：` row, or a `其中：` row itself. Rows go on while they stay label → number pairs; each
/// pair is a fact with a null column (spec: money blocks with one value column), `其中：` dropped from the item.
/// </summary>
internal static class TotalWithParts
{
    public static bool Opens(List<Line> lines, int i)
    {
        if (!IsPairRow(lines[i], out var label) || !HeaderArea.IsFormTable(lines, i)) return false;
        if (TextNorm.UnitInParenthesis(label) is not null || IsShare(label)) return true;
        return i + 1 < lines.Count && lines[i + 1].Table == lines[i].Table && !lines[i + 1].IsParagraph
               && IsPairRow(lines[i + 1], out var next) && IsShare(next);
    }

    public static int Read(FormDraft draft, List<Line> lines, int start)
    {
        int r = start;
        for (; r < lines.Count && lines[r].Table == lines[start].Table && !lines[r].IsParagraph; r++)
        {
            var row = lines[r];
            if (r > start && SectionDispatcher.OpensSection(row)) break;
            var filled = row.Filled.ToList();
            if (filled.Count == 1 && IsPart(filled[0].Label)) continue; // an empty part: no value, still the block
            if (!IsPairRow(row, out _)) break;
            for (int k = 0; k + 1 < filled.Count; k += 2)
            {
                if (TextNorm.UnitInParenthesis(filled[k].Label) is { } unit) draft.OwnUnit(unit);
                if (BudgetReader.ItemLabel(filled[k].Raw) is { } item) MoneyFacts.Add(draft, item, null, filled[k + 1]);
            }
        }
        return r - 1;
    }

    /// <summary>`其中：财政拨款`: a share of the total above it.</summary>
    static bool IsShare(string label) => TextNorm.WithoutParenthesis(label).StartsWith(Vocab.Instance.SharePrefix);

    /// <summary>A share, or a money item of the vocabulary (其他资金, 上年结转资金 …): an empty one still belongs to the block.</summary>
    static bool IsPart(string label) =>
        IsShare(label) || Array.IndexOf(Vocab.Instance.BudgetItems, TextNorm.WithoutParenthesis(label)) >= 0;

    /// <summary>Label, number, label, number … and nothing else.</summary>
    static bool IsPairRow(Line line, out string firstLabel)
    {
        firstLabel = "";
        if (line.IsParagraph) return false;
        var filled = line.Filled.ToList();
        if (filled.Count < 2 || filled.Count % 2 != 0) return false;
        for (int k = 0; k < filled.Count; k += 2)
            if (TextNorm.IsNumber(filled[k].Raw) || !TextNorm.IsNumber(filled[k + 1].Raw)) return false;
        firstLabel = filled[0].Label;
        return true;
    }
}
