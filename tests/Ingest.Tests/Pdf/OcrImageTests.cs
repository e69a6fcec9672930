using Jixiao.Ingest.Ocr;

namespace Jixiao.Ingest.Tests.Pdf;

/// <summary>Raster steps of the OCR path on drawn images: no tesseract needed.</summary>
public class OcrImageTests
{
    const double PointsPerPixel = 72.0 / 300;

    /// <summary>A 1600x1000 page with a 1400-pixel table grid (8 rows, 5 columns) turned by <paramref name="degrees"/>.</summary>
    static GrayImage TiltedGrid(double degrees)
    {
        int w = 1600, h = 1000;
        var px = new byte[w * h];
        Array.Fill(px, (byte)255);
        double a = degrees * Math.PI / 180, cos = Math.Cos(a), sin = Math.Sin(a);
        void Dot(double x, double y)
        {
            // Turn about the centre like a sheet fed crookedly into a scanner.
            double dx = x - w / 2.0, dy = y - h / 2.0;
            int X = (int)Math.Round(w / 2.0 + dx * cos - dy * sin), Y = (int)Math.Round(h / 2.0 + dx * sin + dy * cos);
            if (X >= 0 && X < w && Y >= 0 && Y < h) px[Y * w + X] = 0;
        }
        for (int r = 0; r <= 8; r++)
            for (double x = 100; x <= 1500; x += 0.5)
                for (int t = 0; t < 3; t++) Dot(x, 100 + r * 100 + t);
        for (int c = 0; c <= 5; c++)
            for (double y = 100; y <= 900; y += 0.5)
                for (int t = 0; t < 3; t++) Dot(100 + c * 280 + t, y);
        return new GrayImage(w, h, px);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.8)]
    [InlineData(-1.5)]
    public void DeskewFindsTheTiltAndStraightensTheRules(double degrees)
    {
        var img = TiltedGrid(degrees);
        double angle = Deskew.Angle(img);
        Assert.InRange(angle, degrees - 0.1, degrees + 0.1);
        var level = Deskew.Rotate(img, angle);
        var rules = ImageRules.Find(level, PointsPerPixel);
        // Nine full-width horizontal rules (each maybe found on a few pixel rows) and six full-height vertical ones.
        var longH = rules.Where(r => r.Horizontal && r.To - r.From > 1300 * PointsPerPixel).Select(r => Math.Round(r.At / PointsPerPixel / 10)).Distinct().Count();
        var longV = rules.Where(r => !r.Horizontal && r.To - r.From > 750 * PointsPerPixel).Select(r => Math.Round(r.At / PointsPerPixel / 10)).Distinct().Count();
        Assert.Equal(9, longH);
        Assert.Equal(6, longV);
    }

    [Fact]
    public void TiltedGridWithoutDeskewBreaksIntoStubs()
    {
        // Guards the test above: at 0.8° the raw rules are not found at full length.
        var rules = ImageRules.Find(TiltedGrid(0.8), PointsPerPixel);
        Assert.DoesNotContain(rules, r => r.Horizontal && r.To - r.From > 1300 * PointsPerPixel);
    }
}
