namespace Jixiao.Ingest.Ocr;

/// <summary>
/// Whitens scanner dust and toner specks. A speck is a piece of ink much smaller than the page's characters
/// with no character stroke near it. Punctuation that looks as small (the point of 12.5, a 、 or 。, the dots
/// of 冫) always sits against a character, so it stays; a speck in an empty cell or in the margin between two
/// words does not, and left there the recogniser reads it as 个, *, e or a stray dot that changes a label.
/// Sizes are relative to the page's own text height, so the rule holds for small and large print alike; a
/// piece counts as near other ink even when that ink is faint, as the thin strokes of ≥ and 。 often are.
/// </summary>
internal static class SpeckFilter
{
    // The dark core of print and of specks, and anything clearly darker than paper (the light strokes of a thin
    // glyph, a speck's blurred rim): the levels the cell lines are found at.
    const byte Dark = CellLines.Dark, Faint = CellLines.FaintLevel;
    /// <summary>A piece no larger than this share of the text height both ways may be a speck.</summary>
    const double SpeckShare = 0.3;
    /// <summary>A speck is solid: at least this share of its box is ink (a 。 is a ring, hollow).</summary>
    const double Solid = 0.6;
    /// <summary>
    /// A small piece with other ink closer than this share of the text height above or below it is part of a glyph
    /// (the dots of 冫, the point of 12.5); beside it, punctuation stands in a character's box of its own (the
    /// dots of ：, a 、), so the reach along the line is a whole character.
    /// </summary>
    const double ReachShare = 0.3, LineReachShare = 1.0;
    /// <summary>A speck's own blurred rim reaches this far (pixels) beyond its dark core.</summary>
    const int Rim = 2;
    /// <summary>Pieces of a character are at least this tall (pixels at 200 dpi, 1 mm): what the text height is read from.</summary>
    const int MinGlyphHeight = 8;

    /// <summary>Whitens the specks in place; returns how many were removed.</summary>
    public static int Clean(GrayImage img)
    {
        var px = img.Pixels;
        int w = img.Width, h = img.Height;
        var label = new int[px.Length];
        var boxes = new List<(int X0, int Y0, int X1, int Y1, int Count)> { default };
        var stack = new Stack<int>();
        for (int start = 0; start < px.Length; start++)
        {
            if (label[start] != 0 || px[start] >= Dark) continue;
            int id = boxes.Count, x0 = w, y0 = h, x1 = -1, y1 = -1, count = 0;
            label[start] = id;
            stack.Push(start);
            while (stack.Count > 0)
            {
                int i = stack.Pop(), x = i % w, y = i / w;
                count++;
                if (x < x0) x0 = x;
                if (x > x1) x1 = x;
                if (y < y0) y0 = y;
                if (y > y1) y1 = y;
                // 8-connected: a thin diagonal stroke is one piece.
                for (int dy = -1; dy <= 1; dy++)
                {
                    int ny = y + dy;
                    if (ny < 0 || ny >= h) continue;
                    for (int dx = -1; dx <= 1; dx++)
                    {
                        int nx = x + dx;
                        if (nx < 0 || nx >= w) continue;
                        int j = ny * w + nx;
                        if (label[j] != 0 || px[j] >= Dark) continue;
                        label[j] = id;
                        stack.Push(j);
                    }
                }
            }
            boxes.Add((x0, y0, x1 + 1, y1 + 1, count));
        }
        int textHeight = TextHeight(boxes);
        if (textHeight == 0) return 0;
        int speck = Math.Max(2, (int)(textHeight * SpeckShare));
        int reach = Math.Max(Rim + 2, (int)Math.Ceiling(textHeight * ReachShare)), lineReach = Math.Max(reach, (int)Math.Ceiling(textHeight * LineReachShare));
        int removed = 0;
        for (int id = 1; id < boxes.Count; id++)
        {
            var b = boxes[id];
            int bw = b.X1 - b.X0, bh = b.Y1 - b.Y0;
            if (bw > speck || bh > speck || b.Count < Solid * bw * bh) continue;
            if (InkAround(px, w, h, b, lineReach, reach)) continue;
            for (int y = Math.Max(0, b.Y0 - Rim); y < Math.Min(h, b.Y1 + Rim); y++)
                for (int x = Math.Max(0, b.X0 - Rim); x < Math.Min(w, b.X1 + Rim); x++)
                {
                    int l = label[y * w + x];
                    if (l == 0 || l == id) px[y * w + x] = 255;
                }
            removed++;
        }
        return removed;
    }

    /// <summary>Whether faint ink lies within reach of the box (along the line, across it) but beyond the piece's own rim.</summary>
    static bool InkAround(byte[] px, int w, int h, (int X0, int Y0, int X1, int Y1, int Count) b, int along, int across)
    {
        for (int y = Math.Max(0, b.Y0 - across); y < Math.Min(h, b.Y1 + across); y++)
        {
            bool rimRow = y >= b.Y0 - Rim && y < b.Y1 + Rim;
            for (int x = Math.Max(0, b.X0 - along); x < Math.Min(w, b.X1 + along); x++)
            {
                if (rimRow && x >= b.X0 - Rim && x < b.X1 + Rim) continue;
                if (px[y * w + x] < Faint) return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The median height of the pieces of ink tall enough to be (part of) a character: a Chinese character is
    /// mostly one or two pieces of nearly its full height, so this is close to the body height of the print.
    /// </summary>
    static int TextHeight(List<(int X0, int Y0, int X1, int Y1, int Count)> boxes)
    {
        var heights = boxes.Skip(1).Select(b => b.Y1 - b.Y0).Where(hh => hh >= MinGlyphHeight && hh <= MinGlyphHeight * 12).OrderBy(hh => hh).ToList();
        return heights.Count < 20 ? 0 : heights[heights.Count / 2];
    }
}
