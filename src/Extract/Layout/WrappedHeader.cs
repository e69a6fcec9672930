namespace Jixiao.Extract;

/// <summary>
/// A header row whose cells wrap over several grid rows: a narrow column's label breaks into fragments
/// (`分值` / `权重` / `（90` / `分）`) that a grid without a rule between its text lines puts in rows of their own,
/// above and below the row that holds the other labels. The rows of such a band hold no numbers and fill fewer
/// columns than the header row; read top to bottom, each column's fragments are one label. The band is taken
/// only when joining names more columns than the header row alone does and every fragment lands in a column
/// that the joined label names, so a data row under the header (its level names) is never read as a fragment.
/// </summary>
internal static class WrappedHeader
{
    const int MaxRows = 3;
    const int MaxFragmentChars = 8;

    /// <summary>The header row <paramref name="i"/> with the fragments of the rows around it joined in, or null
    /// when no wrapped band reads better than the row alone.</summary>
    public static (Line Header, int Above, int Below)? Join(List<Line> lines, int i, Func<string, string?> roleOf)
    {
        var header = lines[i];
        if (header.IsParagraph || header.Ragged) return null;
        int width = header.Filled.Count();
        int above = Reach(lines, i, -1, width), below = Reach(lines, i, +1, width);
        if (above == 0 && below == 0) return null;
        int alone = Named(header, roleOf);
        (Line Header, int Above, int Below)? best = null;
        int bestNamed = alone;
        for (int a = 0; a <= above; a++)
            for (int b = 0; b <= below; b++)
            {
                if (a + b == 0) continue;
                var joined = Joined(lines, i - a, i + b, header);
                if (!FragmentsNamed(lines, i, a, b, joined, roleOf)) continue;
                int named = Named(joined, roleOf);
                if (named > bestNamed) (best, bestNamed) = ((joined, a, b), named);
            }
        return best;
    }

    /// <summary>How many rows next to the header, going <paramref name="step"/>, could be fragments.</summary>
    static int Reach(List<Line> lines, int i, int step, int headerFilled)
    {
        int n = 0;
        for (int k = i + step; n < MaxRows && k >= 0 && k < lines.Count; k += step, n++)
        {
            var row = lines[k];
            if (row.IsParagraph || row.Table != lines[i].Table) break;
            var filled = row.Filled.ToList();
            if (filled.Count == 0 || filled.Count >= headerFilled) break;
            if (filled.Any(c => c.Label.Length > MaxFragmentChars || TextNorm.IsNumber(c.Raw))) break;
        }
        return n;
    }

    static int Named(Line row, Func<string, string?> roleOf) => row.Filled.Count(c => roleOf(c.Label) is not null);

    /// <summary>Every filled cell of a fragment row sits in a column whose joined label has a role.</summary>
    static bool FragmentsNamed(List<Line> lines, int i, int above, int below, Line joined, Func<string, string?> roleOf)
    {
        for (int k = i - above; k <= i + below; k++)
        {
            if (k == i) continue;
            foreach (var cell in lines[k].Filled)
                if (LabelAt(joined, cell.Col) is not { } label || roleOf(label) is null) return false;
        }
        return true;
    }

    static string? LabelAt(Line row, int col) =>
        row.Cells.FirstOrDefault(c => !c.IsEmpty && c.Col <= col && col < c.Col + c.Span)?.Label;

    /// <summary>The header row's cells, each with the fragments in its columns from rows first..last in reading order;
    /// a fragment under an empty header slot becomes that slot's label.</summary>
    static Line Joined(List<Line> lines, int first, int last, Line header)
    {
        var cells = new List<Cell>();
        foreach (var cell in header.Cells)
        {
            var parts = new List<string>();
            for (int k = first; k <= last; k++)
            {
                var row = lines[k];
                if (ReferenceEquals(row, header)) { if (!cell.IsEmpty) parts.Add(cell.Raw.Trim()); continue; }
                foreach (var c in row.Filled)
                    if (cell.Col <= c.Col && c.Col < cell.Col + cell.Span) parts.Add(c.Raw.Trim());
            }
            if (parts.Count == 0) { cells.Add(cell); continue; }
            var raw = string.Concat(parts);
            cells.Add(new Cell { Raw = raw, Label = TextNorm.Label(raw), Col = cell.Col, Span = cell.Span, Ref = cell.Ref });
        }
        return new Line { Block = header.Block, Row = header.Row, Cells = cells, Ragged = header.Ragged };
    }
}
