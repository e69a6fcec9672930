namespace Jixiao.Ingest.Ocr;

/// <summary>
/// Straightens scans fed in at a small angle. At 300 dpi a 0.5° tilt moves a table rule 20 pixels
/// from one end of the page to the other, so the rule finder sees broken stubs instead of a grid
/// and tesseract's lines run into the neighbouring row. The angle is the one whose row profile of
/// dark pixels is sharpest (rules and text lines stack into few rows when level).
/// </summary>
internal static class Deskew
{
    const double MaxDegrees = 3.0;
    const double StepDegrees = 0.1;
    const double MinDegrees = 0.15;   // below this the drift across a page is within the rule tolerance
    const int Sample = 4;              // work on every 4th pixel: 75 dpi is plenty for an angle

    /// <summary>The tilt in degrees (positive: content runs downhill to the right), or 0 when level.</summary>
    public static double Angle(GrayImage img)
    {
        var points = new List<(int X, int Y)>();
        for (int y = 0; y < img.Height; y += Sample)
        {
            int row = y * img.Width;
            for (int x = 0; x < img.Width; x += Sample)
                if (img.Pixels[row + x] < 128) points.Add((x / Sample, y / Sample));
        }
        if (points.Count < 200) return 0;
        int height = img.Height / Sample + 1, width = img.Width / Sample + 1;
        double Score(double degrees)
        {
            double tan = Math.Tan(degrees * Math.PI / 180);
            int margin = (int)Math.Ceiling(Math.Abs(tan) * width) + 1;
            var bins = new int[height + 2 * margin];
            foreach (var (x, y) in points)
            {
                int b = (int)Math.Round(y - x * tan) + margin;
                if ((uint)b < (uint)bins.Length) bins[b]++;
            }
            double sum = 0;
            foreach (var c in bins) sum += (double)c * c;
            return sum;
        }
        double best = 0, bestScore = Score(0);
        for (double a = -MaxDegrees; a <= MaxDegrees + 1e-9; a += StepDegrees)
        {
            double s = Score(a);
            if (s > bestScore * 1.0001) { best = a; bestScore = s; }
        }
        // Refine between the coarse steps.
        foreach (var a in new[] { best - StepDegrees / 2, best + StepDegrees / 2 })
        {
            double s = Score(a);
            if (s > bestScore) { best = a; bestScore = s; }
        }
        return Math.Abs(best) < MinDegrees ? 0 : Math.Round(best, 2);
    }

    /// <summary>Turns the image by -<paramref name="degrees"/> about its centre (bilinear, white outside).</summary>
    public static GrayImage Rotate(GrayImage img, double degrees)
    {
        if (degrees == 0) return img;
        int w = img.Width, h = img.Height;
        var src = img.Pixels;
        var dst = new byte[w * h];
        double a = degrees * Math.PI / 180, cos = Math.Cos(a), sin = Math.Sin(a);
        double cx = (w - 1) / 2.0, cy = (h - 1) / 2.0;
        for (int y = 0; y < h; y++)
        {
            double dy = y - cy;
            double sx0 = cx - dy * sin, sy0 = cy + dy * cos;
            int row = y * w;
            for (int x = 0; x < w; x++)
            {
                double dx = x - cx;
                double sx = sx0 + dx * cos, sy = sy0 + dx * sin;
                int x0 = (int)Math.Floor(sx), y0 = (int)Math.Floor(sy);
                if (x0 < 0 || y0 < 0 || x0 + 1 >= w || y0 + 1 >= h) { dst[row + x] = 255; continue; }
                double fx = sx - x0, fy = sy - y0;
                int i = y0 * w + x0;
                double top = src[i] + (src[i + 1] - src[i]) * fx;
                double bottom = src[i + w] + (src[i + w + 1] - src[i + w]) * fx;
                dst[row + x] = (byte)(top + (bottom - top) * fy + 0.5);
            }
        }
        return new GrayImage(w, h, dst);
    }
}
