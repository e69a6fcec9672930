using Jixiao.Extract;
using Jixiao.Ingest;

namespace Jixiao.Cli.Report;

/// <summary>
/// Element ids of source cells. A table may be drawn once per form (two forms can share a table), so ids
/// carry the form's number: `f2-c-5-3-1` is form 2's copy of block 5, row 3, column 1.
/// </summary>
internal static class CellIds
{
    public static string Of(int form, int block, int row, int col) => $"f{form}-c-{block}-{row}-{col}";

    /// <summary>
    /// The id of the drawn cell covering <paramref name="r"/> (the origin of a merged cell), or null when the
    /// reference points outside the source (a changed file).
    /// </summary>
    public static string? Of(int form, SourceRef? r, SourceDocument? source, GridCache grids)
    {
        if (r is null || source is null || r.Block < 0 || r.Block >= source.Blocks.Count || source.Blocks[r.Block] is not Table t) return null;
        var g = grids.Get(r.Block, t);
        if (r.Row < 0 || r.Row >= g.RowCount || r.Col < 0 || r.Col >= g.ColCount || g.Slots[r.Row, r.Col] is null) return null;
        var (or, oc) = g.Origins[r.Row, r.Col];
        return Of(form, r.Block, or, oc);
    }
}

/// <summary>Each table's grid built once per document.</summary>
internal sealed class GridCache
{
    readonly Dictionary<int, TableGrid> _grids = new();
    public TableGrid Get(int block, Table t) => _grids.TryGetValue(block, out var g) ? g : _grids[block] = TableGrid.Build(t);
}
