using Jixiao.Ingest;

namespace Jixiao.Extract;

/// <summary>
/// The post-step over a finished form read by OCR: repairs values from their column's role
/// (<see cref="OcrValueRepair"/>), and gives every indicator and budget value the confidence of the
/// cells it was read from. A repaired value, or one read below <see cref="TrustBelow"/>, is flagged for
/// review with its reason: stored, but not taken as fact.
/// </summary>
internal static class OcrReview
{
    /// <summary>Cells the engine read with less certainty than this are checked by a person.</summary>
    public const double TrustBelow = 0.85;

    /// <summary>
    /// Before the forms are read: checkbox marks misread as 口/〇/O become □ again, so the option lists
    /// resolve; the cell's confidence drops below trust, so the value read from it is flagged.
    /// </summary>
    public static void Prepare(SourceDocument source)
    {
        foreach (var table in source.Tables)
            foreach (var cell in table.Rows.SelectMany(r => r.Cells))
            {
                if (cell.Confidence is null) continue;
                cell.Text = OcrValueRepair.Checkboxes(cell.Text, out var repair);
                if (repair is not null) cell.Confidence = Math.Min(cell.Confidence.Value, Repaired);
            }
    }

    /// <summary>The confidence a cell keeps after a repair: below trust, so its value is checked.</summary>
    const double Repaired = 0.8;

    public static void Apply(Form form, SourceDocument source)
    {
        var grids = new Dictionary<int, TableGrid?>();
        TableGrid? Grid(int block) =>
            grids.TryGetValue(block, out var g) ? g
            : grids[block] = block >= 0 && block < source.Blocks.Count && source.Blocks[block] is Table t ? TableGrid.Build(t) : null;

        foreach (var ind in form.Indicators)
        {
            ind.Target = OcrValueRepair.Target(ind.Target, out var repair);
            if (repair is not null) { ind.FlagForReview(repair); ind.TargetParsed = ValueParser.Parse(ind.Target); }
            ind.Actual = OcrValueRepair.Target(ind.Actual, out repair);
            if (repair is not null) ind.FlagForReview(repair);
            ind.Weight = OcrValueRepair.Number(ind.Weight, out repair);
            if (repair is not null) ind.FlagForReview(repair);
            ind.Score = OcrValueRepair.Number(ind.Score, out repair);
            if (repair is not null) ind.FlagForReview(repair);
            ind.Deviation = OcrValueRepair.Text(ind.Deviation, out repair);
            if (repair is not null) ind.FlagForReview(repair);
            if (ind.Source is { } at && Grid(at.Block) is { } grid && RowConfidence(grid, at.Row) is double c)
                Trust(c, ind.Confidence, v => ind.Confidence = v, ind.FlagForReview);
        }
        foreach (var b in form.Budget)
        {
            b.Value = OcrValueRepair.Money(b.Value, out var repair);
            if (repair is not null) b.FlagForReview(repair);
            if (b.Source is { } at && Grid(at.Block) is { } grid && CellConfidence(grid, at.Row, at.Col) is double c)
                Trust(c, b.Confidence, v => b.Confidence = v, b.FlagForReview);
        }
    }

    static void Trust(double cells, double? current, Action<double> set, Action<string> flag)
    {
        set(Math.Round(Math.Min(current ?? 1, cells), 2));
        if (cells < TrustBelow) flag($"ocr-confidence {cells:0.00}");
    }

    /// <summary>The weakest cell of a grid row (an indicator's names and values all sit in its row).</summary>
    static double? RowConfidence(TableGrid grid, int row)
    {
        if (row < 0 || row >= grid.RowCount) return null;
        double? min = null;
        for (int c = 0; c < grid.ColCount; c++)
            if (grid.Slots[row, c]?.Confidence is double v && !string.IsNullOrWhiteSpace(grid.Slots[row, c]!.Text))
                min = Math.Min(min ?? 1, v);
        return min;
    }

    static double? CellConfidence(TableGrid grid, int row, int col) =>
        row >= 0 && row < grid.RowCount && col >= 0 && col < grid.ColCount ? grid.Slots[row, col]?.Confidence : null;
}
