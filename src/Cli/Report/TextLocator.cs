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

    readonly List<Spot> _spots = new();

    public TextLocator(int form, SourceDocument source, IEnumerable<int> blocks, GridCache grids)
    {
        foreach (var b in blocks)
        {
            switch (source.Blocks[b])
            {
                case Paragraph p:
                    _spots.Add(new Spot(ParagraphId(form, b), Fold(p.Text), b, -1));
                    break;
                case Table t:
                    var g = grids.Get(b, t);
                    for (int r = 0; r < g.RowCount; r++)
                        for (int c = 0; c < g.ColCount; c++)
                            if (g.IsOrigin(r, c)) _spots.Add(new Spot(CellIds.Of(form, b, r, c), Fold(g.Slots[r, c]!.Text), b, r));
                    break;
            }
        }
    }

    public static string ParagraphId(int form, int block) => $"f{form}-p-{block}";

    /// <summary>The id of the cell holding <paramref name="value"/>, near <paramref name="label"/> when given; null when not found.</summary>
    public string? Find(string? value, string? label = null)
    {
        var v = Fold(value);
        if (v.Length == 0) return null;
        var l = Fold(label);
        var rowsWithLabel = l.Length == 0 ? new HashSet<(int, int)>()
            : _spots.Where(s => s.Row >= 0 && s.Text.Contains(l, StringComparison.Ordinal)).Select(s => (s.Block, s.Row)).ToHashSet();
        Spot? Best(Func<Spot, bool> match) =>
            _spots.Where(match).OrderByDescending(s => rowsWithLabel.Contains((s.Block, s.Row))).FirstOrDefault();
        var hit = Best(s => s.Text == v)
                  ?? (l.Length > 0 ? Best(s => s.Text.Contains(l, StringComparison.Ordinal) && s.Text.Contains(v, StringComparison.Ordinal)) : null)
                  ?? (v.Length >= 4 ? Best(s => s.Text.Contains(v, StringComparison.Ordinal)) : null)
                  ?? (v.Length >= 12 ? Best(s => s.Text.Contains(v[..12], StringComparison.Ordinal)) : null);
        return hit?.Id;
    }

    /// <summary>Without white space (full-width included) and colons: how the extractor's values differ from raw cells.</summary>
    static string Fold(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var chars = s.Where(ch => !char.IsWhiteSpace(ch) && ch is not (':' or '：')).ToArray();
        return new string(chars);
    }
}
