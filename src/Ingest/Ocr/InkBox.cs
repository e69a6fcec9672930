namespace Jixiao.Ingest.Ocr;

/// <summary>The box around the ink of a region, ignoring rows and columns with a single dark speck.</summary>
internal static class InkBox
{
    const byte Dark = 128;

    /// <summary>The ink's bounds in page pixels, or null when the region is (nearly) blank.</summary>
    public static (int X0, int Y0, int X1, int Y1)? Of(GrayImage img, OcrRegion r)
    {
        int x0 = Math.Max(0, r.X0), y0 = Math.Max(0, r.Y0), x1 = Math.Min(img.Width, r.X1), y1 = Math.Min(img.Height, r.Y1);
        if (x1 - x0 < 4 || y1 - y0 < 4) return null;
        var rows = new int[y1 - y0];
        var cols = new int[x1 - x0];
        int total = 0;
        var px = img.Pixels;
        for (int y = y0; y < y1; y++)
        {
            int row = y * img.Width;
            for (int x = x0; x < x1; x++)
                if (px[row + x] < Dark) { rows[y - y0]++; cols[x - x0]++; total++; }
        }
        if (total < 6) return null;
        int top = 0, bottom = rows.Length - 1, left = 0, right = cols.Length - 1;
        while (top < bottom && rows[top] < 2) top++;
        while (bottom > top && rows[bottom] < 2) bottom--;
        while (left < right && cols[left] < 2) left++;
        while (right > left && cols[right] < 2) right--;
        if (bottom - top < 3 || right - left < 2) return null;
        return (x0 + left, y0 + top, x0 + right + 1, y0 + bottom + 1);
    }
}
