namespace Jixiao.Ingest.Pdf;

/// <summary>
/// Builds the model <see cref="Table"/> for a lattice: merges grid cells across missing inner rules
/// into spanning cells and fills each cell with the glyphs whose centre lies inside it.
/// </summary>
internal static class GridTableBuilder
{
    public static Table Build(Lattice lattice, IReadOnlyList<Glyph> glyphs, bool[] used, int page, double tol)
    {
        int rows = lattice.RowCount;
        var xs = lattice.Xs;
        var ys = lattice.Ys;
        var (cells, cellAt) = MergedCells(lattice, tol);
        var content = new List<Glyph>[cells.Count];
        for (int i = 0; i < cells.Count; i++) content[i] = new List<Glyph>();
        var bounds = lattice.Bounds;
        for (int g = 0; g < glyphs.Count; g++)
        {
            if (used[g]) continue;
            var gl = glyphs[g];
            if (!bounds.Contains(gl.CenterX, gl.CenterY)) continue;
            int c = Index(xs, gl.CenterX), r = Index(ys, gl.CenterY);
            if (c < 0 || r < 0) continue;
            int id = cellAt[r, c];
            if (id < 0) continue;
            content[id].Add(gl);
            used[g] = true;
        }

        // A rule that stops short (an underline inside one cell) can make a grid row in which no
        // cell starts; such rows are dropped and the spans over them shortened.
        var starts = new bool[rows];
        foreach (var c in cells) starts[c.R0] = true;
        int Span(int r0, int r1) { int n = 0; for (int r = r0; r <= r1; r++) if (starts[r]) n++; return n; }

        var table = new Table { Position = new SourcePosition(page, 0) };
        for (int r = 0; r < rows; r++)
        {
            if (!starts[r]) continue;
            var row = new TableRow { Position = new SourcePosition(page, r + 1) };
            for (int i = 0; i < cells.Count; i++)
            {
                var s = cells[i];
                if (s.R0 != r) continue;
                var text = string.Join("\n", TextLineBuilder.Build(content[i]).Select(l => l.Text));
                row.Cells.Add(new TableCell(text, Span(s.R0, s.R1), s.C1 - s.C0 + 1)
                {
                    Position = new SourcePosition(page, r + 1),
                    // The weakest OCR'd line decides how far the cell can be trusted.
                    Confidence = content[i].Any(g => g.FromOcr) ? Math.Round(content[i].Where(g => g.FromOcr).Min(g => g.Certainty), 3) : null,
                });
            }
            table.Rows.Add(row);
        }
        return table;
    }

    /// <summary>Grid cells merged across missing inner rules: each as its grid rectangle, plus a grid-to-cell map.</summary>
    public static (List<(int R0, int C0, int R1, int C1)> Cells, int[,] CellAt) MergedCells(Lattice lattice, double tol)
    {
        int rows = lattice.RowCount, cols = lattice.Columns;
        var xs = lattice.Xs;
        var ys = lattice.Ys;
        var parent = Enumerable.Range(0, rows * cols).ToArray();
        int Root(int i) { while (parent[i] != i) i = parent[i] = parent[parent[i]]; return i; }
        void Union(int a, int b) { a = Root(a); b = Root(b); if (a != b) parent[Math.Max(a, b)] = Math.Min(a, b); }

        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
            {
                if (c + 1 < cols && !LatticeFinder.HasRule(lattice, false, xs[c + 1], ys[r], ys[r + 1], tol))
                    Union(r * cols + c, r * cols + c + 1);
                if (r + 1 < rows && !LatticeFinder.HasRule(lattice, true, ys[r + 1], xs[c], xs[c + 1], tol))
                    Union(r * cols + c, (r + 1) * cols + c);
            }

        // Each merged group becomes one cell covering its bounding rectangle of grid cells.
        var spans = new Dictionary<int, (int R0, int C0, int R1, int C1)>();
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
            {
                int root = Root(r * cols + c);
                spans[root] = spans.TryGetValue(root, out var s)
                    ? (Math.Min(s.R0, r), Math.Min(s.C0, c), Math.Max(s.R1, r), Math.Max(s.C1, c))
                    : (r, c, r, c);
            }
        var cellAt = new int[rows, cols];
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) cellAt[r, c] = -1;
        var cells = new List<(int R0, int C0, int R1, int C1)>();
        foreach (var s in spans.Values.OrderBy(s => s.R0).ThenBy(s => s.C0))
        {
            if (cellAt[s.R0, s.C0] >= 0) continue; // overlaps an earlier non-rectangular merge
            int id = cells.Count;
            cells.Add(s);
            for (int r = s.R0; r <= s.R1; r++)
                for (int c = s.C0; c <= s.C1; c++)
                    if (cellAt[r, c] < 0) cellAt[r, c] = id;
        }

        return (cells, cellAt);
    }

    /// <summary>The page box of a merged cell.</summary>
    public static Box CellBox(Lattice lattice, (int R0, int C0, int R1, int C1) c) =>
        new(lattice.Xs[c.C0], lattice.Ys[c.R0], lattice.Xs[c.C1 + 1], lattice.Ys[c.R1 + 1]);

    /// <summary>The grid interval holding v, or -1 when outside.</summary>
    static int Index(double[] edges, double v)
    {
        for (int i = 0; i + 1 < edges.Length; i++)
            if (v >= edges[i] && v <= edges[i + 1]) return i;
        return -1;
    }
}
