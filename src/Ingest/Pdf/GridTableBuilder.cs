namespace Jixiao.Ingest.Pdf;

/// <summary>
/// Builds the model <see cref="Table"/> for a lattice: merges grid cells across missing inner rules
/// into spanning cells and fills each cell with the glyphs whose centre lies inside it.
/// </summary>
internal static class GridTableBuilder
{
    public static Table Build(Lattice lattice, IReadOnlyList<Glyph> glyphs, bool[] used, int page, double tol)
    {
        int rows = lattice.RowCount, cols = lattice.Columns;
        var xs = lattice.Xs;
        var ys = lattice.Ys;
        var owner = new int[rows, cols];
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
        _ = owner;

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

        var table = new Table { Position = new SourcePosition(page, 0) };
        for (int r = 0; r < rows; r++)
        {
            var row = new TableRow { Position = new SourcePosition(page, r + 1) };
            for (int i = 0; i < cells.Count; i++)
            {
                var s = cells[i];
                if (s.R0 != r) continue;
                var text = string.Join("\n", TextLineBuilder.Build(content[i]).Select(l => l.Text));
                row.Cells.Add(new TableCell(text, s.R1 - s.R0 + 1, s.C1 - s.C0 + 1) { Position = new SourcePosition(page, r + 1) });
            }
            table.Rows.Add(row);
        }
        return table;
    }

    /// <summary>The grid interval holding v, or -1 when outside.</summary>
    static int Index(double[] edges, double v)
    {
        for (int i = 0; i + 1 < edges.Length; i++)
            if (v >= edges[i] && v <= edges[i + 1]) return i;
        return -1;
    }
}
