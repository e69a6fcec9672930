namespace Jixiao.Ingest.Ocr;

/// <summary>
/// Finds the text lines inside a table cell from its ink profile: rows with ink form bands, bands too
/// close to be two lines (the strokes of 二 or 三) join, thin bands far from text (specks, a rule's
/// remains) drop, and each line is trimmed to the columns holding most of its ink. Scans are
/// straightened before this, so lines are horizontal.
/// </summary>
internal static class CellLines
{
    internal const byte Dark = 128;
    /// <summary>Clearly darker than paper, JPEG ringing included: the light strokes of thin glyphs.</summary>
    internal const byte FaintLevel = 200;
    /// <summary>A band shorter than this share of the page's text height is not a line of text.</summary>
    const double ShortBand = 0.4;

    /// <summary>
    /// The lines of <paramref name="r"/> (page pixels), top to bottom, given the page's usual text height
    /// (0 when unknown). Empty when the cell holds no text.
    /// </summary>
    public static List<(int X0, int Y0, int X1, int Y1)> Find(GrayImage img, OcrRegion r, int textHeight)
    {
        var result = new List<(int, int, int, int)>();
        int x0 = Math.Max(0, r.X0), y0 = Math.Max(0, r.Y0), x1 = Math.Min(img.Width, r.X1), y1 = Math.Min(img.Height, r.Y1);
        if (x1 - x0 < 4 || y1 - y0 < 4) return result;
        var px = img.Pixels;
        var rows = new int[y1 - y0];
        for (int y = y0; y < y1; y++)
        {
            int row = y * img.Width, n = 0;
            for (int x = x0; x < x1; x++) if (px[row + x] < Dark) n++;
            rows[y - y0] = n;
        }
        // Bands of rows with real ink (a speck gives one to three dark pixels in a row).
        var bands = new List<(int Top, int Bottom)>();
        for (int y = 0; y < rows.Length; y++)
        {
            if (rows[y] < 3) continue;
            int start = y;
            while (y + 1 < rows.Length && (rows[y + 1] >= 3 || y + 2 < rows.Length && rows[y + 2] >= 3)) y++;
            bands.Add((start, y + 1));
        }
        if (bands.Count == 0) return result;
        int tallest = bands.Max(b => b.Bottom - b.Top);
        int h = textHeight > 0 ? textHeight : tallest;
        // Join bands that together are no taller than one line: the parts of one row of characters.
        var joined = new List<(int Top, int Bottom)> { bands[0] };
        foreach (var b in bands.Skip(1))
        {
            var last = joined[^1];
            if (b.Bottom - last.Top <= h * 1.25) joined[^1] = (last.Top, b.Bottom);
            else joined.Add(b);
        }
        foreach (var b in joined)
        {
            // Speck rows, a rule stub, or the remains of a lifted seal: a band of less than half the page's text
            // height holds no line (digits are two thirds of a character's height). Without the page's text
            // height, a band is measured against the cell's tallest.
            if (b.Bottom - b.Top < Math.Max(4, h * (textHeight > 0 ? ShortBand : 0.3)) && (joined.Count > 1 || textHeight > 0)) continue;
            if (Columns(px, img.Width, x0, x1, y0 + b.Top, y0 + b.Bottom) is not { } cols) continue;
            var (left, right) = Widened(img, r, cols.Left, y0 + b.Top, cols.Right, y0 + b.Bottom);
            result.Add((left, y0 + b.Top, right, y0 + b.Bottom));
        }
        return result;
    }

    /// <summary>The span of columns holding the band's text: ink runs joined over gaps narrower than two characters, specks left out.</summary>
    static (int Left, int Right)? Columns(byte[] px, int width, int x0, int x1, int top, int bottom)
    {
        int bandHeight = bottom - top;
        var cols = new int[x1 - x0];
        for (int y = top; y < bottom; y++)
        {
            int row = y * width;
            for (int x = x0; x < x1; x++) if (px[row + x] < Dark) cols[x - x0]++;
        }
        var groups = new List<(int Left, int Right, int Ink)>();
        int gap = Math.Max(6, bandHeight * 2);
        for (int x = 0; x < cols.Length; x++)
        {
            if (cols[x] == 0) continue;
            if (groups.Count > 0 && x - groups[^1].Right <= gap)
                groups[^1] = (groups[^1].Left, x + 1, groups[^1].Ink + cols[x]);
            else
                groups.Add((x, x + 1, cols[x]));
        }
        if (groups.Count == 0) return null;
        int total = groups.Sum(g => g.Ink);
        var kept = groups.Where(g => g.Ink >= total * 0.04 && g.Ink >= 8).ToList();
        if (kept.Count == 0) return null;
        return (x0 + kept.Min(g => g.Left), x0 + kept.Max(g => g.Right));
    }

    /// <summary>
    /// A line's box widened over faint ink touching either end, inside the region: a thin glyph at the end of a
    /// line (≥ before a number, 一 or 二 at the start of a label, 。 after a sentence) is often lighter than the
    /// dark level throughout, so neither the ink profile nor the text detector counts it, and cut off it is not read.
    /// </summary>
    public static (int X0, int X1) Widened(GrayImage img, OcrRegion r, int x0, int top, int x1, int bottom)
    {
        int lo = Math.Max(0, r.X0), hi = Math.Min(img.Width, r.X1);
        top = Math.Max(0, top); bottom = Math.Min(img.Height, bottom);
        if (bottom <= top) return (x0, x1);
        var px = img.Pixels;
        bool Faint(int x)
        {
            for (int y = top; y < bottom; y++) if (px[y * img.Width + x] < FaintLevel) return true;
            return false;
        }
        // Faint columns at most a thin stroke's gap apart continue the line. Only a faint glyph's worth of them
        // counts: the grey rim every dark stroke has would move the box by a pixel or two, and the recogniser's
        // reading of the first glyph (a ≤ before the number) turns on such pixels.
        int step = Math.Max(2, (bottom - top) / 6);
        int left = x0, right = x1;
        for (int x = left - 1; x >= lo && x >= left - step; x--) if (Faint(x)) left = x;
        for (int x = right; x < hi && x < right + step; x++) if (Faint(x)) right = x + 1;
        int glyph = Math.Max(step, (bottom - top) / 4);
        return (Detached(x0 - left >= step ? left : x0, -1, glyph), Detached(right - x1 >= step ? right : x1, +1, glyph));

        // A faint glyph set apart from the line's dark ink: a comparator before its number (=100%, ≥90% at 150 dpi: the
        // sign's bars never reach the dark level and stand a third of a digit's height before it), a sentence's 。 after
        // its last character. Faint columns starting within half the line's height past the edge (and past the edge's own
        // grey rim), as wide as a quarter of the line's height. A speck or a stroke's rim is narrower.
        int Detached(int edge, int dir, int wide)
        {
            int gapLimit = Math.Max(3, (bottom - top) / 2);
            int At(int k) => dir < 0 ? edge - 1 - k : edge + k;   // the k-th column past the edge
            bool Inside(int k) => At(k) >= lo && At(k) < hi;
            int k = 0;
            while (Inside(k) && k < step && Faint(At(k))) k++;   // the edge's own grey rim
            while (Inside(k) && k < gapLimit && !Faint(At(k))) k++;
            if (!Inside(k) || k >= gapLimit) return edge;
            int start = k, last = k;
            for (; Inside(k) && k - last <= 2; k++) if (Faint(At(k))) last = k;
            if (last - start + 1 < wide) return edge;
            return dir < 0 ? At(last) : At(last) + 1;
        }
    }
}
