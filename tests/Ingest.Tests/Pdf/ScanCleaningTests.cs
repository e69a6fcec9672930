using Jixiao.Ingest.Ocr;
using Jixiao.Tests;

namespace Jixiao.Ingest.Tests.Pdf;

/// <summary>
/// The page filters before reading: scanner specks whitened (SpeckFilter) and cell lines widened over faint
/// glyphs (CellLines.Widened). On the rendered synthetic scan with specks added at test time, and on small
/// images drawn here.
/// </summary>
public class ScanCleaningTests
{
    [Fact]
    public void SpecksAwayFromTextGoAndThePrintStays()
    {
        if (ExternalTool.Find("pdftoppm") is null) return;
        var page = ScannedPdfTests.RenderPage(Corpus.File("synthetic", "scan_self_01.pdf"));
        SpeckFilter.Clean(page);   // the scan's own dust first: what is left is print
        long print = Dark(page, 0, 0, page.Width, page.Height);
        // 3×3 specks of toner at least 40 px (more than a character) from any ink, faint grey included.
        var rng = new Random(7);
        var specks = new List<(int X, int Y)>();
        for (int attempt = 0; attempt < 20000 && specks.Count < 300; attempt++)
        {
            int x = rng.Next(40, page.Width - 43), y = rng.Next(40, page.Height - 43);
            if (Dark(page, x - 40, y - 40, x + 43, y + 43, below: 200) > 0) continue;
            for (int dy = 0; dy < 3; dy++)
                for (int dx = 0; dx < 3; dx++) page.Pixels[(y + dy) * page.Width + x + dx] = 40;
            specks.Add((x, y));
        }
        Assert.True(specks.Count >= 100, $"only {specks.Count} places for a speck");
        int removed = SpeckFilter.Clean(page);
        Assert.True(removed >= specks.Count, $"{removed} removed of {specks.Count} specks");
        Assert.All(specks, s => Assert.Equal(0, Dark(page, s.X, s.Y, s.X + 3, s.Y + 3)));
        // The points of 563.28, the dots of ：and 、, the 。 of every sentence sit against a character: kept.
        Assert.Equal(print, Dark(page, 0, 0, page.Width, page.Height));
    }

    [Fact]
    public void ALineIsWidenedOverAFaintGlyphButNotOverAStrokesRim()
    {
        // A dark 30 px high run of text from x 50 to 120; a faint ≥ (grey 170) from 38 to 48 before it.
        var img = Blank(200, 40);
        Fill(img, 50, 5, 120, 35, 20);
        Fill(img, 38, 10, 48, 32, 170);
        var cell = new OcrRegion(0, 0, 200, 40, IsCell: true);
        Assert.Equal((38, 120), CellLines.Widened(img, cell, 50, 5, 120, 35));
        // Only a one-pixel grey rim: the box stays where the dark ink is.
        var rim = Blank(200, 40);
        Fill(rim, 50, 5, 120, 35, 20);
        Fill(rim, 49, 5, 50, 35, 170);
        Fill(rim, 120, 5, 121, 35, 170);
        Assert.Equal((50, 120), CellLines.Widened(rim, cell, 50, 5, 120, 35));
    }

    /// <summary>Digits 18 px high from x 60 to 120 (with a one-pixel grey rim) and faint marks (x0, y0, x1, y1) beside them.</summary>
    [Theory]
    [InlineData(41, 120, new[] { 41, 15, 53, 17, 41, 21, 53, 23 })]  // a faint = (two grey bars 12 px wide) 6 px before the number
    [InlineData(60, 120, new[] { 50, 18, 52, 20 })]                  // a grey speck as far: no glyph, the box stays
    [InlineData(60, 133, new[] { 126, 21, 133, 28 })]                // a faint 。 set 6 px after the last character, low in the line
    public void ALineIsWidenedOverAFaintComparatorOrFullStopSetApartFromIt(int left, int right, int[] marks)
    {
        var img = Blank(200, 40);
        Fill(img, 60, 10, 120, 28, 20);
        Fill(img, 59, 10, 60, 28, 170);
        for (int m = 0; m < marks.Length; m += 4) Fill(img, marks[m], marks[m + 1], marks[m + 2], marks[m + 3], 170);
        Assert.Equal((left, right), CellLines.Widened(img, new OcrRegion(0, 0, 200, 40, IsCell: true), 60, 10, 120, 28));
    }

    [Fact]
    public void ABandMuchShorterThanThePagesTextIsNoLine()
    {
        // The remains of a lifted seal in an empty value cell: 10 px of ink on a page whose text is 30 px high.
        var img = Blank(200, 60);
        Fill(img, 60, 20, 90, 30, 30);
        var cell = new OcrRegion(0, 0, 200, 60, IsCell: true);
        Assert.Empty(CellLines.Find(img, cell, textHeight: 30));
        // Digits are about two thirds of a character's height: a line.
        Fill(img, 100, 10, 150, 30, 30);
        Assert.Single(CellLines.Find(img, cell, textHeight: 30));
    }

    static GrayImage Blank(int w, int h)
    {
        var px = new byte[w * h];
        Array.Fill(px, (byte)255);
        return new GrayImage(w, h, px);
    }

    static void Fill(GrayImage img, int x0, int y0, int x1, int y1, byte v)
    {
        for (int y = y0; y < y1; y++)
            for (int x = x0; x < x1; x++) img.Pixels[y * img.Width + x] = v;
    }

    static long Dark(GrayImage img, int x0, int y0, int x1, int y1, int below = 128)
    {
        long n = 0;
        for (int y = Math.Max(0, y0); y < Math.Min(img.Height, y1); y++)
            for (int x = Math.Max(0, x0); x < Math.Min(img.Width, x1); x++)
                if (img[x, y] < below) n++;
        return n;
    }
}
