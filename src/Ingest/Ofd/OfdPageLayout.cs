using Jixiao.Ingest.Pdf;

namespace Jixiao.Ingest.Ofd;

/// <summary>
/// Puts an OFD page's glyphs and segments on the upright page in points, the units the PDF reader's
/// table and line finders are tuned in, and hands them to the same layout (<see cref="PageReader.Layout"/>):
/// ruled grids through the same grid builder, borderless tables and text lines the same way. A page
/// whose text mostly runs up or down (a landscape table printed sideways) is turned upright first.
/// </summary>
internal static class OfdPageLayout
{
    const double PointsPerMm = 72 / 25.4;

    public static PageContent Layout(int number, double widthMm, double heightMm, OfdPageWalker page)
    {
        int turns = DominantTurns(page.Glyphs);
        (double X, double Y) Upright(double x, double y)
        {
            var (ux, uy) = turns switch
            {
                1 => (heightMm - y, x),
                2 => (widthMm - x, heightMm - y),
                3 => (y, widthMm - x),
                _ => (x, y),
            };
            return (ux * PointsPerMm, uy * PointsPerMm);
        }

        var glyphs = new List<Glyph>(page.Glyphs.Count);
        foreach (var g in page.Glyphs)
        {
            var (x0, y0) = Upright(g.X0, g.Y0);
            var (x1, y1) = Upright(g.X1, g.Y1);
            double pt = Math.Max(g.Size * PointsPerMm, 1);
            int turn = TurnOf(x1 - x0, y1 - y0);
            var outline = new Box(Math.Min(x0, x1), Math.Min(y0, y1) - pt * 0.8, Math.Max(x0, x1), Math.Max(y0, y1) + pt * 0.2);
            var box = PageReader.BodyBox(turn, x0, y0, x1, y1, pt, outline);
            glyphs.Add(new Glyph(g.Text, box.Left, box.Top, box.Right, box.Bottom, pt, turn));
        }

        var rules = new List<Rule>();
        foreach (var s in page.Segments)
        {
            var (x0, y0) = Upright(s.X0, s.Y0);
            var (x1, y1) = Upright(s.X1, s.Y1);
            const double minLength = 2.0, aligned = 0.5;
            if (Math.Abs(y1 - y0) < (s.Thin ? 3 : aligned) && Math.Abs(x1 - x0) >= minLength)
                rules.Add(new Rule(true, (y0 + y1) / 2, Math.Min(x0, x1), Math.Max(x0, x1)));
            else if (Math.Abs(x1 - x0) < (s.Thin ? 3 : aligned) && Math.Abs(y1 - y0) >= minLength)
                rules.Add(new Rule(false, (x0 + x1) / 2, Math.Min(y0, y1), Math.Max(y0, y1)));
        }
        bool sideways = turns % 2 == 1;
        double width = (sideways ? heightMm : widthMm) * PointsPerMm, height = (sideways ? widthMm : heightMm) * PointsPerMm;
        return PageReader.Layout(number, width, height, glyphs, rules);
    }

    /// <summary>Clockwise quarter turns that make a baseline running (dx, dy) (y down) read left to right.</summary>
    static int TurnOf(double dx, double dy)
    {
        if (Math.Abs(dx) >= Math.Abs(dy)) return dx >= 0 ? 0 : 2;
        return dy < 0 ? 1 : 3; // running up: tops point left; running down: tops point right
    }

    static int DominantTurns(List<OfdGlyph> glyphs)
    {
        var counts = new int[4];
        foreach (var g in glyphs) counts[TurnOf(g.X1 - g.X0, g.Y1 - g.Y0)]++;
        int best = 0;
        for (int t = 1; t < 4; t++) if (counts[t] > counts[best]) best = t;
        return counts[best] > 0 && counts[best] > counts[0] ? best : 0;
    }
}
