namespace Jixiao.Ingest.Ocr;

/// <summary>
/// Finds the text lines inside a table cell from its ink profile: rows with ink form bands, bands too
/// close to be two lines (the strokes of 二 or 三) join, thin bands far from text (specks, a rule's
/// remains) drop, and each line is trimmed to the columns holding most of its ink. Scans are
/// straightened before this, so lines are horizontal.
/// </summary>
internal static class CellLines
{
    const byte Dark = 128;

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
            if (b.Bottom - b.Top < Math.Max(4, h * 0.3) && joined.Count > 1) continue;   // speck rows or a rule stub
            if (Columns(px, img.Width, x0, x1, y0 + b.Top, y0 + b.Bottom) is not { } cols) continue;
            result.Add((cols.Left, y0 + b.Top, cols.Right, y0 + b.Bottom));
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
}
