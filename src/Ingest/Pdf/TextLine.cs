using System.Text;

namespace Jixiao.Ingest.Pdf;

/// <summary>Glyphs sharing a baseline, left to right, with the gaps that separate chunks.</summary>
internal sealed class TextLine
{
    /// <summary>A line of turned glyphs: text read in their own frame, box on the upright page.</summary>
    public TextLine(List<Glyph> glyphs, string text) : this(glyphs) => _text = text;

    readonly string? _text;

    public TextLine(List<Glyph> glyphs)
    {
        Glyphs = glyphs;
        Left = glyphs.Min(g => g.Left);
        Right = glyphs.Max(g => g.Right);
        Top = glyphs.Min(g => g.Top);
        Bottom = glyphs.Max(g => g.Bottom);
        Size = Median(glyphs.Where(g => !g.IsSpace).Select(g => g.Size).DefaultIfEmpty(10));
    }

    public List<Glyph> Glyphs { get; }
    public double Left { get; }
    public double Right { get; }
    public double Top { get; }
    public double Bottom { get; }
    public double Size { get; }
    public string Text => _text ?? TextLineBuilder.Join(Glyphs);

    /// <summary>Runs of glyphs separated by a gap wider than <paramref name="gapEm"/> font sizes.</summary>
    public List<TextLine> Chunks(double gapEm)
    {
        var chunks = new List<TextLine>();
        var current = new List<Glyph>();
        Glyph? prev = null;
        foreach (var g in Glyphs)
        {
            if (g.IsSpace) { continue; }
            if (prev is { } p && g.Left - p.Right > gapEm * Size && current.Count > 0)
            {
                chunks.Add(new TextLine(current));
                current = new List<Glyph>();
            }
            current.Add(g);
            prev = g;
        }
        if (current.Count > 0) chunks.Add(new TextLine(current));
        return chunks;
    }

    static double Median(IEnumerable<double> values)
    {
        var list = values.OrderBy(v => v).ToList();
        return list.Count == 0 ? 10 : list[list.Count / 2];
    }
}

/// <summary>
/// Groups glyphs into lines by vertical overlap and writes them as text: no space between CJK
/// glyphs, a space where latin words are visibly apart, the PDF's own spaces kept.
/// </summary>
internal static class TextLineBuilder
{
    public static List<TextLine> Build(IEnumerable<Glyph> glyphs)
    {
        var all = glyphs as IList<Glyph> ?? glyphs.ToList();
        if (all.All(g => g.Turn == 0)) return BuildUpright(all);
        // Vertical labels and other turned text: read each direction in its own frame, then place
        // the lines back on the page by their original glyph boxes.
        var result = BuildUpright(all.Where(g => g.Turn == 0).ToList());
        foreach (var group in all.Where(g => g.Turn != 0).GroupBy(g => g.Turn))
        {
            var originals = group.ToList();
            var turned = originals.Select(g => g.ToReadingFrame() with { Turn = 0 }).ToList();
            var index = new Dictionary<Glyph, Queue<Glyph>>();
            for (int i = 0; i < turned.Count; i++)
            {
                if (!index.TryGetValue(turned[i], out var q)) index[turned[i]] = q = new Queue<Glyph>();
                q.Enqueue(originals[i]);
            }
            foreach (var line in BuildUpright(turned))
            {
                var back = line.Glyphs.Select(g => index.TryGetValue(g, out var q) && q.Count > 0 ? q.Dequeue() : g).ToList();
                result.Add(new TextLine(back, line.Text));
            }
        }
        return result.OrderBy(l => l.Top).ThenBy(l => l.Left).ToList();
    }

    static List<TextLine> BuildUpright(IEnumerable<Glyph> glyphs)
    {
        var sorted = glyphs.Where(g => g.Height > 0 || g.IsSpace).OrderBy(g => g.CenterY).ThenBy(g => g.Left).ToList();
        var lines = new List<List<Glyph>>();
        var bands = new List<(double Top, double Bottom)>();
        foreach (var g in sorted)
        {
            // Same line when the glyph's vertical middle lies inside the current band.
            int hit = -1;
            for (int i = bands.Count - 1; i >= 0 && i >= bands.Count - 3; i--)
            {
                var (t, b) = bands[i];
                double h = Math.Min(b - t, g.Height);
                if (g.CenterY >= t + h * 0.15 && g.CenterY <= b - h * 0.15) { hit = i; break; }
            }
            if (hit < 0)
            {
                if (g.IsSpace) continue;
                lines.Add(new List<Glyph> { g });
                bands.Add((g.Top, g.Bottom));
            }
            else
            {
                lines[hit].Add(g);
                if (!g.IsSpace) bands[hit] = (Math.Min(bands[hit].Top, g.Top), Math.Max(bands[hit].Bottom, g.Bottom));
            }
        }
        var result = new List<TextLine>();
        foreach (var line in lines)
        {
            line.Sort((a, b) => a.Left.CompareTo(b.Left));
            var dedup = RemoveOverdraw(line);
            if (dedup.Any(g => !g.IsSpace)) result.Add(new TextLine(dedup));
        }
        return result.OrderBy(l => l.Top).ThenBy(l => l.Left).ToList();
    }

    /// <summary>Fake bold prints every glyph twice with a tiny offset; keep one.</summary>
    static List<Glyph> RemoveOverdraw(List<Glyph> line)
    {
        var kept = new List<Glyph>(line.Count);
        foreach (var g in line)
        {
            bool dup = false;
            for (int i = kept.Count - 1; i >= 0 && i >= kept.Count - 4; i--)
            {
                var k = kept[i];
                if (k.Text == g.Text && Math.Abs(k.Left - g.Left) < Math.Max(1, g.Size * 0.2) && Math.Abs(k.Top - g.Top) < g.Size * 0.3) { dup = true; break; }
            }
            if (!dup) kept.Add(g);
        }
        return kept;
    }

    public static string Join(List<Glyph> glyphs)
    {
        var sb = new StringBuilder();
        Glyph? prev = null;
        bool pendingSpace = false;
        foreach (var g in glyphs)
        {
            if (g.IsSpace)
            {
                if (sb.Length > 0) pendingSpace = true;
                continue;
            }
            if (prev is { } p && !pendingSpace)
            {
                double gap = g.Left - p.Right;
                double size = Math.Max(1, Math.Min(p.Size, g.Size));
                bool cjk = IsCjk(LastChar(p.Text)) || IsCjk(g.Text[0]);
                if (gap > size * (cjk ? 1.0 : 0.25)) pendingSpace = true;
            }
            if (pendingSpace && sb.Length > 0) sb.Append(' ');
            pendingSpace = false;
            sb.Append(g.Text);
            prev = g;
        }
        return sb.ToString();
    }

    static char LastChar(string s) => s.Length == 0 ? ' ' : s[^1];

    public static bool IsCjk(char c) =>
        (c >= '\u3000' && c <= '\u9fff') || (c >= '\uf900' && c <= '\ufaff') || (c >= '\uff00' && c <= '\uffef') ||
        char.IsSurrogate(c);
}
