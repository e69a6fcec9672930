using Jixiao.Ingest;

namespace Jixiao.Cli.Report;

/// <summary>
/// Finds the cell a header field or goal came from. The extractor records a source cell only for budget
/// facts and indicators; for the others the report looks for the value's text in the form's own blocks,
/// preferring a cell on the same row as its label. Links found this way are marked as approximate.
/// </summary>
internal sealed class TextLocator
{
    sealed record Spot(string Id, string Text, int Block, int Row);

    /// <summary>One block's spots, indexed by exact text and by row; built once per block per page.</summary>
    sealed class BlockSpots
    {
        public List<Spot> All { get; } = new();
        public Dictionary<string, List<Spot>> ByText { get; } = new(StringComparer.Ordinal);
        public Dictionary<int, List<Spot>> ByRow { get; } = new();

        public void Add(Spot s)
        {
            All.Add(s);
            (ByText.TryGetValue(s.Text, out var t) ? t : ByText[s.Text] = new()).Add(s);
            (ByRow.TryGetValue(s.Row, out var r) ? r : ByRow[s.Row] = new()).Add(s);
        }
    }

    readonly List<BlockSpots> _blocks = new();

    public TextLocator(SourceDocument source, IEnumerable<int> blocks, GridCache grids)
    {
        foreach (var b in blocks) _blocks.Add(grids.Once(b, () => SpotsOf(source, b, grids)));
    }

    static BlockSpots SpotsOf(SourceDocument source, int b, GridCache grids)
    {
        var spots = new BlockSpots();
        switch (source.Blocks[b])
        {
            case Paragraph p:
                spots.Add(new Spot(ParagraphId(b), Fold(p.Text), b, -1));
                break;
            case Table t:
                var g = grids.Get(b, t);
                for (int r = 0; r < g.RowCount; r++)
                    for (int c = 0; c < g.ColCount; c++)
                        if (g.IsOrigin(r, c)) spots.Add(new Spot(CellIds.Of(b, r, c), Fold(g.Slots[r, c]!.Text), b, r));
                break;
        }
        return spots;
    }

    public static string ParagraphId(int block) => $"p-{block}";

    /// <summary>The id of the cell holding <paramref name="value"/>, near <paramref name="label"/> when given; null when not found.</summary>
    public string? Find(string? value, string? label = null)
    {
        var v = Fold(value);
        if (v.Length == 0) return null;
        var l = Fold(label);
        // Exact text first, through the index (a shared 3,000-row table is not scanned per field per form).
        var exact = _blocks.SelectMany(b => b.ByText.TryGetValue(v, out var list) ? list : Enumerable.Empty<Spot>()).ToList();
        if (exact.Count > 0)
            return (l.Length == 0 ? exact[0] : exact.FirstOrDefault(s => OnLabelRow(s, l)) ?? exact[0]).Id;
        var all = _blocks.SelectMany(b => b.All);
        Spot? Best(Func<Spot, bool> match) =>
            l.Length == 0 ? all.FirstOrDefault(match) : all.Where(match).OrderByDescending(s => OnLabelRow(s, l)).FirstOrDefault();
        var hit = (l.Length > 0 ? Best(s => s.Text.Contains(l, StringComparison.Ordinal) && s.Text.Contains(v, StringComparison.Ordinal)) : null)
                  ?? (v.Length >= 4 ? Best(s => s.Text.Contains(v, StringComparison.Ordinal)) : null)
                  ?? (v.Length >= 12 ? Best(s => s.Text.Contains(v[..12], StringComparison.Ordinal)) : null);
        return hit?.Id;
    }

    /// <summary>True when a cell on the spot's row holds the label (the value sits beside its label).</summary>
    bool OnLabelRow(Spot s, string label) =>
        s.Row >= 0 && _blocks.Any(b => b.ByRow.TryGetValue(s.Row, out var row) && row.Any(x => x.Block == s.Block && x.Text.Contains(label, StringComparison.Ordinal)));

    /// <summary>Without white space (full-width included) and colons: how the extractor's values differ from raw cells.</summary>
    static string Fold(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var chars = s.Where(ch => !char.IsWhiteSpace(ch) && ch is not (':' or '：')).ToArray();
        return new string(chars);
    }
}
