namespace Jixiao.Extract;

/// <summary>
/// Goal rows. Either `label | text`, or a header of goal labels (`年度总体目标 | 预期目标 | 实际完成情况`)
/// whose texts stand in the next row under each label.
/// </summary>
internal static class GoalReader
{
    /// <summary>A goal repeated on every row of its project (merged cell written out, or a flat export) counts once.</summary>
    public static void Add(FormDraft draft, string label, string text)
    {
        if (draft.Form.Goals.Any(g => g.Label == label && g.Text == text)) return;
        draft.Form.Goals.Add(new Goal { Label = label, Text = text });
    }

    public static bool IsGoal(Line line) => Canonical(line.Filled.FirstOrDefault()?.Label) is not null;

    /// <summary>The spec's goal label for a written one, "" for a block label without its own text, null if none.
    /// A goal label written with stray brackets, spaces or one wrong character is matched by the header policy — unless
    /// the text is a form title (`项目绩效目标表` is one character from 项目绩效目标). Without <paramref name="loose"/>,
    /// spellings as listed only (the role model's cell features, trained on exact hits).</summary>
    public static string? Canonical(string? label, bool loose = true)
    {
        if (string.IsNullOrEmpty(label)) return null;
        var bare = TextNorm.WithoutParenthesis(label);
        return Vocab.Instance.GoalLabels.TryGetValue(bare, out var c) ? c
            : loose && Vocab.Instance.GoalLabelLoose(label) is { } near && !TitleRules.IsTitle(label) ? near : null;
    }

    public static int Read(FormDraft draft, List<Line> lines, int i)
    {
        var line = lines[i];
        var filled = line.Filled.ToList();
        var rest = filled.Skip(1).ToList();
        if (rest.Count > 0 && rest.All(c => Canonical(c.Label) is { Length: > 0 }))
        {
            if (i + 1 >= lines.Count || lines[i + 1].IsParagraph) return i;
            var next = lines[i + 1];
            for (int k = 0; k < rest.Count; k++)
            {
                var text = CellUnder(line, next, rest[k], k + 1);
                var value = TextNorm.Value(text);
                if (value is not null) draft.Form.Goals.Add(new Goal { Label = Canonical(rest[k].Label)!, Text = value });
            }
            return i + 1;
        }
        var label = Canonical(filled[0].Label)!;
        if (label.Length == 0) label = GoalLabel.Overall;
        // `整体绩效目标 | 整体绩效目标 | text` (Beijing): a block label repeated as the row label is not text.
        var texts = rest.Where(c => Canonical(c.Label) is null).Select(c => TextNorm.Value(c.Raw)).Where(t => t is not null).ToList();
        if (texts.Count > 0) draft.Form.Goals.Add(new Goal { Label = label, Text = string.Join("\n", texts) });
        return i;
    }

    /// <summary>The cell of <paramref name="below"/> under a header cell: same column on a grid, same position in ragged text.</summary>
    static string? CellUnder(Line header, Line below, Cell headerCell, int position)
    {
        if (header.Ragged)
        {
            int index = header.Cells.IndexOf(headerCell);
            return index < below.Cells.Count ? below.Cells[index].Raw : null;
        }
        var hit = below.Cells.FirstOrDefault(c => c.Col < headerCell.Col + headerCell.Span && headerCell.Col < c.Col + c.Span && !c.IsEmpty);
        return hit?.Raw;
    }
}
