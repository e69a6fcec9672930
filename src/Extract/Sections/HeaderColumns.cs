namespace Jixiao.Extract;

/// <summary>
/// The leaf label of every column under a stack of header rows. On a real grid the deepest label that
/// covers a column wins. Flattened text has no column positions, so there the header is read as a
/// sequence: each sub-header row replaces the first group label (指标值, 近两年收支金额 …) of the row above
/// by its own labels, and the leaves are right-aligned to the data rows' width.
/// </summary>
internal static class HeaderColumns
{
    /// <returns>col → label (normalized label, "" where no label).</returns>
    public static Dictionary<int, string> Resolve(IReadOnlyList<Line> header, int dataWidth, Func<string, bool> isLeadLabel)
    {
        return header[0].Ragged ? Ragged(header, dataWidth, isLeadLabel) : Grid(header, isLeadLabel);
    }

    static Dictionary<int, string> Grid(IReadOnlyList<Line> header, Func<string, bool> isLeadLabel)
    {
        var map = new Dictionary<int, string>();
        foreach (var row in header)
            foreach (var cell in row.Cells)
            {
                // A label under a value column's span is that column's leaf, whatever it says (`总额` under `预算金额`).
                if (cell.IsEmpty || isLeadLabel(cell.Label) && !map.ContainsKey(cell.Col)) continue;
                for (int c = cell.Col; c < cell.Col + cell.Span; c++) map[c] = cell.Label;
            }
        return map;
    }

    static Dictionary<int, string> Ragged(IReadOnlyList<Line> header, int dataWidth, Func<string, bool> isLeadLabel)
    {
        var groups = Vocab.Instance.Columns["groups"];
        var leaves = header[0].Cells.Where(c => !c.IsEmpty && !isLeadLabel(c.Label)).ToList();
        foreach (var row in header.Skip(1))
        {
            var subs = row.Cells.Where(c => !c.IsEmpty).ToList();
            if (subs.Count == 0) continue;
            int g = leaves.FindIndex(l => Array.IndexOf(groups, l.Label) >= 0);
            // A group label worded unknown: the sub-labels stand under it, where the text keeps the cell positions
            // (`指标值` over `近两年指标值 | 预期当年实现值`, give or take an empty cell); else the last label is the group.
            if (g < 0) g = leaves.FindIndex(l => l.Col >= subs[0].Col && l.Col <= subs[^1].Col);
            if (g < 0) g = leaves.Count - 1;
            leaves.RemoveAt(g);
            leaves.InsertRange(g, subs);
        }
        var map = new Dictionary<int, string>();
        int offset = Math.Max(0, dataWidth - leaves.Count);
        for (int k = 0; k < leaves.Count; k++) map[offset + k] = leaves[k].Label;
        return map;
    }
}
