using Jixiao.Extract;
using Jixiao.Ingest;

namespace Jixiao.Cli.Report;

/// <summary>
/// Element ids of source cells: `c-5-3-1` is block 5, row 3, column 1. Each table is drawn once per document
/// (forms sharing a table refer to the one drawing), so a cell id is unique in its page.
/// </summary>
internal static class CellIds
{
    public static string Of(int block, int row, int col) => $"c-{block}-{row}-{col}";

    /// <summary>
    /// The id of the drawn cell covering <paramref name="r"/> (the origin of a merged cell), or null when the
    /// reference points outside the source (a changed file).
    /// </summary>
    public static string? Of(SourceRef? r, SourceDocument? source, GridCache grids)
    {
        if (r is null || source is null || r.Block < 0 || r.Block >= source.Blocks.Count || source.Blocks[r.Block] is not Table t) return null;
        var g = grids.Get(r.Block, t);
        if (r.Row < 0 || r.Row >= g.RowCount || r.Col < 0 || r.Col >= g.ColCount || g.Slots[r.Row, r.Col] is null) return null;
        var (or, oc) = g.Origins[r.Row, r.Col];
        return Of(r.Block, or, oc);
    }
}

/// <summary>Each table's grid built once per document, and the text spots of each block (for <see cref="TextLocator"/>).</summary>
internal sealed class GridCache
{
    readonly Dictionary<int, TableGrid> _grids = new();
    readonly Dictionary<int, object> _spots = new();
    public TableGrid Get(int block, Table t) => _grids.TryGetValue(block, out var g) ? g : _grids[block] = TableGrid.Build(t);

    /// <summary>A value computed once per block (a form sharing a table with 300 others must not redo it).</summary>
    public T Once<T>(int block, Func<T> make) where T : class =>
        _spots.TryGetValue(block, out var v) ? (T)v : (T)(_spots[block] = make());
}
