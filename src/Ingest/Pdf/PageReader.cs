using UglyToad.PdfPig.Content;

namespace Jixiao.Ingest.Pdf;

/// <summary>
/// Reads one text page: finds ruled tables, then borderless tables among the remaining lines,
/// and leaves the rest as text lines in reading order.
/// </summary>
internal static class PageReader
{
    internal const double Tolerance = 2.0;

    public static PageContent Read(Page page)
    {
        var (glyphs, rules, frame) = Parts(page);
        return Layout(page.Number, frame.Width, frame.Height, glyphs, rules);
    }

    /// <summary>The page's glyphs and rule segments on the upright page (tests drop rules from real pages).</summary>
    internal static (List<Glyph> Glyphs, List<Rule> Rules, PageFrame Frame) Parts(Page page)
    {
        var letters = page.Letters;
        int turns = DominantTurns(letters);
        var frame = new PageFrame(new UglyToad.PdfPig.Core.PdfRectangle(0, 0, page.Width, page.Height), turns * 90);
        var glyphs = new List<Glyph>(letters.Count);
        foreach (var l in letters)
        {
            if (l.Value is null || l.Value.Length == 0) continue;
            // Vertical extent from the baseline and font size, not the glyph outline: a tight box would
            // put "一", "，" or quote marks on a line of their own.
            var (bx0, by0) = frame.Map(l.StartBaseLine.X, l.StartBaseLine.Y);
            var (bx1, by1) = frame.Map(l.EndBaseLine.X, l.EndBaseLine.Y);
            var outline = frame.Map(l.BoundingBox);
            double pt = l.PointSize > 0 ? l.PointSize : Math.Max(outline.Height, 1);
            int turn = ((TurnsOf(l.TextOrientation) - turns) % 4 + 4) % 4;
            var box = BodyBox(turn, bx0, by0, bx1, by1, pt, outline);
            glyphs.Add(new Glyph(Normalize(l.Value), box.Left, box.Top, box.Right, box.Bottom, pt, turn));
        }
        return (glyphs, RuleExtractor.Extract(page.Paths, frame), frame);
    }

    /// <summary>Shared by the PDF text path and OCR: glyphs and rules in upright page points.</summary>
    public static PageContent Layout(int number, double width, double height, List<Glyph> glyphs, List<Rule> rawRules)
    {
        var content = new PageContent(number, width, height);
        var merged = RuleMerger.Merge(rawRules, Tolerance);
        var lattices = LatticeFinder.Find(merged, Tolerance);
        var used = new bool[glyphs.Count];
        foreach (var lattice in lattices)
        {
            var table = GridTableBuilder.Build(lattice, glyphs, used, number, Tolerance);
            if (table.Rows.Count == 0) continue;
            content.Items.Add(new TableItem(table, lattice.Xs, lattice.Ys[0], lattice.Ys[^1]));
        }
        var free = new List<Glyph>();
        for (int i = 0; i < glyphs.Count; i++) if (!used[i]) free.Add(glyphs[i]);
        var lines = TextLineBuilder.Build(free);
        // Rules no lattice took (tables ruled only horizontally) still mark the rows of a borderless table.
        var loose = merged.Where(r => r.Horizontal && !lattices.Any(l => Inside(r, l.Bounds))).ToList();
        content.Items.AddRange(StreamTableFinder.Find(lines, number, loose));
        content.Items.Sort((a, b) => a.Top.CompareTo(b.Top));
        return content;
    }

    static bool Inside(Rule r, Box b) =>
        r.At >= b.Top - Tolerance && r.At <= b.Bottom + Tolerance && r.From >= b.Left - Tolerance && r.To <= b.Right + Tolerance;

    /// <summary>
    /// The box a glyph's body occupies on the upright page: along the baseline, and from 0.8 of the
    /// font size above it to 0.2 below, "above" depending on which way the glyph is turned.
    /// </summary>
    internal static Box BodyBox(int turn, double bx0, double by0, double bx1, double by1, double pt, Box outline)
    {
        double minX = Math.Min(bx0, bx1), maxX = Math.Max(bx0, bx1), minY = Math.Min(by0, by1), maxY = Math.Max(by0, by1);
        double x = (bx0 + bx1) / 2, y = (by0 + by1) / 2;
        switch (turn)
        {
            case 1: // reads bottom to top; glyph tops point left
                if (maxY - minY < 0.01) { minY = outline.Top; maxY = outline.Bottom; }
                return new Box(x - pt * 0.8, minY, x + pt * 0.2, maxY);
            case 3: // reads top to bottom; glyph tops point right
                if (maxY - minY < 0.01) { minY = outline.Top; maxY = outline.Bottom; }
                return new Box(x - pt * 0.2, minY, x + pt * 0.8, maxY);
            case 2: // upside down
                if (maxX - minX < 0.01) { minX = outline.Left; maxX = outline.Right; }
                return new Box(minX, y - pt * 0.2, maxX, y + pt * 0.8);
            default:
                if (maxX - minX < 0.01) { minX = outline.Left; maxX = outline.Right; }
                return new Box(minX, y - pt * 0.8, maxX, y + pt * 0.2);
        }
    }

    /// <summary>Clockwise quarter turns that make a letter of this orientation read left to right.</summary>
    static int TurnsOf(TextOrientation o) => o switch
    {
        TextOrientation.Rotate270 => 1,  // text going up
        TextOrientation.Rotate90 => 3,   // text going down
        TextOrientation.Rotate180 => 2,
        _ => 0,
    };

    /// <summary>Quarter turns that make most of the text read left to right.</summary>
    static int DominantTurns(IReadOnlyList<Letter> letters)
    {
        int h = 0, up = 0, down = 0, flip = 0;
        foreach (var l in letters)
        {
            if (string.IsNullOrWhiteSpace(l.Value)) continue;
            switch (l.TextOrientation)
            {
                case TextOrientation.Horizontal: h++; break;
                case TextOrientation.Rotate270: up++; break;   // text going up: turn the page clockwise
                case TextOrientation.Rotate90: down++; break;  // text going down: turn it back
                case TextOrientation.Rotate180: flip++; break;
            }
        }
        int max = Math.Max(Math.Max(h, up), Math.Max(down, flip));
        if (max == 0 || max == h) return 0;
        if (max == up) return 1;
        if (max == down) return 3;
        return 2;
    }

    /// <summary>Compatibility ideographs and odd spaces that some exporters emit.</summary>
    static string Normalize(string s) => s switch
    {
        "\u00a0" => " ",
        _ => s,
    };
}
