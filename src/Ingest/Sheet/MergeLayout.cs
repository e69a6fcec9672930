namespace Jixiao.Ingest.Sheet;

/// <summary>
/// Merged ranges clipped to a sheet's used range: which cell anchors a span and which cells a span
/// covers. Overlapping merges (possible in hand-edited files) keep the first one listed.
/// </summary>
internal sealed class MergeLayout
{
    readonly Dictionary<long, CellRange> anchors = new();
    readonly HashSet<long> covered = new();

    static long Key(int row, int col) => ((long)row << 20) | (uint)col;

    public static MergeLayout Build(IEnumerable<CellRange> merges, CellRange used)
    {
        var layout = new MergeLayout();
        foreach (var m in merges)
        {
            var clip = new CellRange(Math.Max(m.FirstRow, used.FirstRow), Math.Max(m.FirstCol, used.FirstCol),
                                     Math.Min(m.LastRow, used.LastRow), Math.Min(m.LastCol, used.LastCol));
            if (clip.FirstRow > clip.LastRow || clip.FirstCol > clip.LastCol) continue;
            if (clip.Rows == 1 && clip.Cols == 1) continue;
            if (layout.Overlaps(clip)) continue;
            layout.anchors[Key(clip.FirstRow, clip.FirstCol)] = clip;
            for (int r = clip.FirstRow; r <= clip.LastRow; r++)
                for (int c = clip.FirstCol; c <= clip.LastCol; c++)
                    if (r != clip.FirstRow || c != clip.FirstCol) layout.covered.Add(Key(r, c));
        }
        return layout;
    }

    bool Overlaps(CellRange m)
    {
        for (int r = m.FirstRow; r <= m.LastRow; r++)
            for (int c = m.FirstCol; c <= m.LastCol; c++)
                if (covered.Contains(Key(r, c)) || anchors.ContainsKey(Key(r, c))) return true;
        return false;
    }

    public bool IsCovered(int row, int col) => covered.Contains(Key(row, col));

    public CellRange? AnchorAt(int row, int col) => anchors.TryGetValue(Key(row, col), out var m) ? m : null;
}
