using Jixiao.Ingest;

using Jixiao.Extract;

namespace Jixiao.Training;

/// <summary>
/// A copy of a document whose indicator value headers are renamed to spellings the vocabulary does not
/// have (年初目标值 → 预定达成值 …), the way the next city's template differs. Measures what the cell-role
/// model recovers that the rules drop (eval --cv prints it; tests use it).
/// </summary>
internal static class UnseenHeaders
{
    public static readonly IReadOnlyDictionary<string, string> Synonyms = new Dictionary<string, string>
    {
        ["target"] = "预定达成值",
        ["actual"] = "年终达成数",
        ["weight"] = "配分",
        ["score"] = "核定分数",
    };

    /// <returns>The copy, and how many header cells were renamed.</returns>
    public static (SourceDocument Doc, int Renamed) Rewrite(SourceDocument source) => Rewrite(source, Synonyms);

    /// <param name="synonyms">Role (target, actual, weight, score …) → the label its header cells get.</param>
    public static (SourceDocument Doc, int Renamed) Rewrite(SourceDocument source, IReadOnlyDictionary<string, string> synonyms)
    {
        var copy = Copy(source);
        int renamed = 0;
        foreach (var line in LineStream.From(copy))
        {
            if (line.IsParagraph || !IndicatorReader.IsHeader(line)) continue;
            var table = (Table)copy.Blocks[line.Block];
            var grid = TableGrid.Build(table);
            foreach (var cell in line.Cells)
            {
                if (cell.IsEmpty || cell.Ref is null) continue;
                var role = IndicatorReader.RoleOf(cell.Label);
                if (role is null || !synonyms.TryGetValue(role, out var synonym)) continue;
                if (grid.Slots[cell.Ref.Row, cell.Ref.Col] is not { } slot) continue;
                slot.Text = synonym;
                renamed++;
            }
        }
        return (copy, renamed);
    }

    static SourceDocument Copy(SourceDocument s)
    {
        var d = new SourceDocument(s.File, s.Format) { PageCount = s.PageCount, NeedsReview = s.NeedsReview, OcrConfidence = s.OcrConfidence };
        d.Warnings.AddRange(s.Warnings);
        foreach (var b in s.Blocks)
        {
            if (b is Paragraph p) { d.Blocks.Add(new Paragraph(p.Text) { Position = p.Position }); continue; }
            var t = (Table)b;
            var nt = new Table { Depth = t.Depth, Name = t.Name, Position = t.Position };
            foreach (var row in t.Rows)
            {
                var nr = new TableRow { Position = row.Position };
                foreach (var c in row.Cells) nr.Cells.Add(new TableCell(c.Text, c.RowSpan, c.ColSpan) { Position = c.Position });
                nt.Rows.Add(nr);
            }
            d.Blocks.Add(nt);
        }
        return d;
    }
}
