namespace Jixiao.Ingest.Rtf;

/// <summary>A cell boundary from the row definition: \cellxN (right edge, twips) and its merge flags.</summary>
internal readonly record struct RtfCellDef(int Right, bool HMergeFirst, bool HMergeContinue, bool VMergeFirst, bool VMergeContinue);

/// <summary>One finished \row: its left edge (\trleft), cell definitions and cell texts.</summary>
internal sealed record RtfRow(int Left, List<RtfCellDef> Defs, List<string> Texts);

/// <summary>
/// Lays RTF rows on a grid and turns merges into spans. RTF gives each cell a right edge (\cellx);
/// the union of edges over the table is the grid, so a cell's ColSpan is the number of grid
/// columns between its left and right edges. \clvmrg continues the merge started by \clvmgf above
/// in the same grid column (RowSpan), \clmrg joins the cell on its left (ColSpan).
/// </summary>
internal static class RtfTableBuilder
{
    /// <summary>Edges closer than this (twips) are one edge: writers round widths differently per row.</summary>
    const int Snap = 10;

    public static Table Build(IReadOnlyList<RtfRow> rows)
    {
        var edges = SnapEdges(rows.SelectMany(r => r.Defs.Select(d => d.Right).Prepend(r.Left)));
        var table = new Table();
        var above = new Dictionary<int, TableCell>();
        for (int r = 0; r < rows.Count; r++)
        {
            var row = new TableRow { Position = new SourcePosition(1, r + 1) };
            var current = new Dictionary<int, TableCell>();
            TableCell? previous = null;
            int left = rows[r].Left;
            for (int i = 0; i < rows[r].Texts.Count; i++)
            {
                var text = rows[r].Texts[i];
                var def = i < rows[r].Defs.Count ? rows[r].Defs[i] : new RtfCellDef(left + 1, false, false, false, false);
                int start = EdgeIndex(edges, left);
                int span = Math.Max(1, EdgeIndex(edges, def.Right) - start);
                left = def.Right;
                if (def.VMergeContinue && above.TryGetValue(start, out var top))
                {
                    top.RowSpan++;
                    if (text.Length > 0) top.Text = top.Text.Length > 0 ? top.Text + "\n" + text : text;
                    current[start] = top;
                }
                else if (def.HMergeContinue && previous is not null)
                {
                    previous.ColSpan += span;
                    if (text.Length > 0) previous.Text = previous.Text.Length > 0 ? previous.Text + "\n" + text : text;
                }
                else
                {
                    var cell = new TableCell(text, 1, span) { Position = row.Position };
                    row.Cells.Add(cell);
                    current[start] = cell;
                    previous = cell;
                }
            }
            table.Rows.Add(row);
            above = current;
        }
        return table;
    }

    static List<int> SnapEdges(IEnumerable<int> all)
    {
        var edges = new List<int>();
        foreach (var e in all.Distinct().Order())
            if (edges.Count == 0 || e - edges[^1] > Snap) edges.Add(e);
        return edges;
    }

    /// <summary>Index of the grid edge nearest to <paramref name="x"/>.</summary>
    static int EdgeIndex(List<int> edges, int x)
    {
        int best = 0;
        for (int i = 1; i < edges.Count; i++)
            if (Math.Abs(edges[i] - x) < Math.Abs(edges[best] - x)) best = i;
        return best;
    }
}
