using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics;
using UglyToad.PdfPig.Graphics.Colors;

namespace Jixiao.Ingest.Pdf;

/// <summary>
/// Turns a page's vector paths into table rules. Office exporters draw borders either as stroked
/// lines or as thin filled rectangles (WPS), often in many small fragments, so both are read
/// and the caller merges collinear pieces with <see cref="RuleMerger"/>.
/// </summary>
internal static class RuleExtractor
{
    /// <summary>A rectangle thinner than this (points) is a drawn line, not an area.</summary>
    const double ThinSide = 2.5;
    const double MinLength = 2.0;

    public static List<Rule> Extract(IEnumerable<PdfPath> paths, PageFrame frame)
    {
        var rules = new List<Rule>();
        foreach (var path in paths)
        {
            if (path.IsClipping) continue;
            bool stroked = path.IsStroked;
            bool filled = path.IsFilled;
            if (!stroked && !filled) continue;
            // White fills erase rather than draw; they would invent borders.
            if (!stroked && IsWhite(path.FillColor)) continue;
            if (stroked && !filled && IsWhite(path.StrokeColor)) continue;
            foreach (var sub in path)
                AddSubpath(sub, stroked, frame, rules);
        }
        return rules;
    }

    static void AddSubpath(PdfSubpath sub, bool stroked, PageFrame frame, List<Rule> rules)
    {
        var bounds = sub.GetBoundingRectangle();
        if (bounds is null) return;
        var box = frame.Map(bounds.Value);
        if (box.Width < ThinSide && box.Height >= MinLength)
        {
            rules.Add(new Rule(false, (box.Left + box.Right) / 2, box.Top, box.Bottom));
            return;
        }
        if (box.Height < ThinSide && box.Width >= MinLength)
        {
            rules.Add(new Rule(true, (box.Top + box.Bottom) / 2, box.Left, box.Right));
            return;
        }
        if (!stroked) return; // a filled area (cell shading) is not a border
        foreach (var cmd in sub.Commands)
        {
            if (cmd is not PdfSubpath.Line line) continue;
            var (x1, y1) = frame.Map(line.From.X, line.From.Y);
            var (x2, y2) = frame.Map(line.To.X, line.To.Y);
            if (Math.Abs(y1 - y2) < 0.5 && Math.Abs(x1 - x2) >= MinLength)
                rules.Add(new Rule(true, (y1 + y2) / 2, Math.Min(x1, x2), Math.Max(x1, x2)));
            else if (Math.Abs(x1 - x2) < 0.5 && Math.Abs(y1 - y2) >= MinLength)
                rules.Add(new Rule(false, (x1 + x2) / 2, Math.Min(y1, y2), Math.Max(y1, y2)));
        }
        // A stroked rectangle drawn with the 're' operator has its edges as lines already;
        // if it was closed without the last edge, add the closing edge.
        if (sub.IsClosed() && sub.Commands.Count > 0)
        {
            PdfPoint? first = null, last = null;
            foreach (var cmd in sub.Commands)
            {
                if (cmd is PdfSubpath.Move m) first ??= m.Location;
                else if (cmd is PdfSubpath.Line l) { first ??= l.From; last = l.To; }
            }
            if (first is { } f && last is { } z && (f.X != z.X || f.Y != z.Y))
            {
                var (x1, y1) = frame.Map(z.X, z.Y);
                var (x2, y2) = frame.Map(f.X, f.Y);
                if (Math.Abs(y1 - y2) < 0.5 && Math.Abs(x1 - x2) >= MinLength)
                    rules.Add(new Rule(true, (y1 + y2) / 2, Math.Min(x1, x2), Math.Max(x1, x2)));
                else if (Math.Abs(x1 - x2) < 0.5 && Math.Abs(y1 - y2) >= MinLength)
                    rules.Add(new Rule(false, (x1 + x2) / 2, Math.Min(y1, y2), Math.Max(y1, y2)));
            }
        }
    }

    static bool IsWhite(IColor? color)
    {
        if (color is null) return false;
        try
        {
            var (r, g, b) = color.ToRGBValues();
            return r > 0.95 && g > 0.95 && b > 0.95;
        }
        catch (Exception)
        {
            return false;
        }
    }
}

/// <summary>Snaps near-equal rule positions together and joins collinear fragments.</summary>
internal static class RuleMerger
{
    public static List<Rule> Merge(IEnumerable<Rule> rules, double tolerance)
    {
        var result = new List<Rule>();
        foreach (var horizontal in new[] { true, false })
        {
            var list = rules.Where(r => r.Horizontal == horizontal).OrderBy(r => r.At).ToList();
            int i = 0;
            while (i < list.Count)
            {
                // One band of rules at (nearly) the same position.
                int j = i;
                while (j + 1 < list.Count && list[j + 1].At - list[j].At <= tolerance) j++;
                var band = list.GetRange(i, j - i + 1);
                double at = band.Average(r => r.At);
                foreach (var (from, to) in JoinIntervals(band.Select(r => (r.From, r.To)), tolerance))
                    result.Add(new Rule(horizontal, at, from, to));
                i = j + 1;
            }
        }
        return result;
    }

    internal static List<(double From, double To)> JoinIntervals(IEnumerable<(double From, double To)> intervals, double gap)
    {
        var sorted = intervals.OrderBy(p => p.From).ToList();
        var joined = new List<(double, double)>();
        foreach (var (from, to) in sorted)
        {
            if (joined.Count > 0 && from <= joined[^1].Item2 + gap)
                joined[^1] = (joined[^1].Item1, Math.Max(joined[^1].Item2, to));
            else
                joined.Add((from, to));
        }
        return joined;
    }
}
