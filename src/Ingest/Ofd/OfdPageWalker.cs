using System.Xml.Linq;

namespace Jixiao.Ingest.Ofd;

/// <summary>A character on the page: its baseline from start to end and its size, in page millimetres (y down).</summary>
internal readonly record struct OfdGlyph(string Text, double X0, double Y0, double X1, double Y1, double Size);

/// <summary>A straight, stroked (or thin filled) segment on the page, in millimetres.</summary>
internal readonly record struct OfdSegment(double X0, double Y0, double X1, double Y1, bool Thin);

/// <summary>
/// Collects the text and line art of one page's content (and of its template pages): TextObjects and
/// PathObjects in layers and PageBlocks, each through its CTM and Boundary. Images, composite objects
/// and invisible objects hold no page text and are passed over.
/// </summary>
internal sealed class OfdPageWalker
{
    /// <summary>Nested PageBlocks deeper than this are hostile.</summary>
    const int MaxDepth = 32;

    public List<OfdGlyph> Glyphs { get; } = new();
    public List<OfdSegment> Segments { get; } = new();
    public int Images { get; private set; }

    readonly CancellationToken _cancel;

    public OfdPageWalker(CancellationToken cancel) => _cancel = cancel;

    /// <summary>Reads the Content of a Page (or TemplatePage) part.</summary>
    public void Walk(XElement page)
    {
        foreach (var layer in page.Child("Content").Children("Layer"))
            Block(layer, OfdMatrix.Identity, 0);
    }

    void Block(XElement block, OfdMatrix outer, int depth)
    {
        if (depth > MaxDepth) return;
        foreach (var e in block.Elements())
        {
            _cancel.ThrowIfCancellationRequested();
            if (e.Attr("Visible") is "false") continue;
            switch (e.Name.LocalName)
            {
                case "TextObject": Text(e, Place(e, outer)); break;
                case "PathObject": Path(e, Place(e, outer)); break;
                case "PageBlock": Block(e, outer, depth + 1); break;
                case "ImageObject": Images++; break;
            }
        }
    }

    /// <summary>Object space → page: the object's CTM, then its Boundary origin, then the enclosing transform.</summary>
    static OfdMatrix Place(XElement e, OfdMatrix outer)
    {
        var boundary = OfdXml.Numbers(e.Attr("Boundary"));
        var origin = boundary.Length >= 2 ? OfdMatrix.Translate(boundary[0], boundary[1]) : OfdMatrix.Identity;
        return OfdMatrix.Parse(e.Attr("CTM")).Then(origin).Then(outer);
    }

    void Text(XElement obj, OfdMatrix m)
    {
        var sizes = OfdXml.Numbers(obj.Attr("Size"));
        double size = sizes.Length == 1 && sizes[0] > 0 ? sizes[0] : 3.5;
        double x = 0, y = 0;
        foreach (var code in obj.Children("TextCode"))
        {
            var text = code.Value;
            var xs = OfdXml.Numbers(code.Attr("X"));
            var ys = OfdXml.Numbers(code.Attr("Y"));
            if (xs.Length == 1) x = xs[0];
            if (ys.Length == 1) y = ys[0];
            var dx = OfdTextCode.Deltas(code.Attr("DeltaX"));
            var dy = OfdTextCode.Deltas(code.Attr("DeltaY"));
            double pageSize = size * m.Scale;
            foreach (var (ch, gx, gy, width) in OfdTextCode.Place(text, x, y, dx, dy, size))
            {
                // Spaces stay glyphs, as in the PDF reader: an explicit space separates words and values.
                if (ch.Length == 0 || char.IsControl(ch[0])) continue;
                var (x0, y0) = m.Apply(gx, gy);
                var (x1, y1) = m.Apply(gx + width, gy);
                Glyphs.Add(new OfdGlyph(ch, x0, y0, x1, y1, pageSize));
            }
            (x, y) = OfdTextCode.End(text, x, y, dx, dy, size);
        }
    }

    void Path(XElement obj, OfdMatrix m)
    {
        bool stroke = obj.Attr("Stroke") is not "false";
        bool fill = obj.Attr("Fill") is "true";
        if (!stroke && !fill) return;
        if (!stroke && IsWhite(obj.Child("FillColor"))) return;
        if (stroke && !fill && IsWhite(obj.Child("StrokeColor"))) return;
        foreach (var sub in OfdPathData.Subpaths(obj.Child("AbbreviatedData")?.Value))
        {
            var pts = sub.Points.Select(p => m.Apply(p.X, p.Y)).ToList();
            if (pts.Count < 2) continue;
            double minX = pts.Min(p => p.X), maxX = pts.Max(p => p.X), minY = pts.Min(p => p.Y), maxY = pts.Max(p => p.Y);
            // A thin box (filled or stroked) is one rule along its long side; the PDF reader does the same.
            const double thinMm = 0.9;
            if (maxX - minX < thinMm && maxY - minY >= thinMm) { Segments.Add(new((minX + maxX) / 2, minY, (minX + maxX) / 2, maxY, true)); continue; }
            if (maxY - minY < thinMm && maxX - minX >= thinMm) { Segments.Add(new(minX, (minY + maxY) / 2, maxX, (minY + maxY) / 2, true)); continue; }
            if (!stroke) continue; // a filled area (shading) is no border
            for (int i = 0; i + 1 < pts.Count; i++)
                if (sub.Straight[i]) Segments.Add(new(pts[i].X, pts[i].Y, pts[i + 1].X, pts[i + 1].Y, false));
            if (sub.Closed) Segments.Add(new(pts[^1].X, pts[^1].Y, pts[0].X, pts[0].Y, false));
        }
    }

    static bool IsWhite(XElement? color)
    {
        var v = OfdXml.Numbers(color.Attr("Value"));
        return v.Length == 3 && v.All(c => c >= 242);
    }
}
