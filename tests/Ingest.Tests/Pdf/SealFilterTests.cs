using Jixiao.Ingest.Ocr;

namespace Jixiao.Ingest.Tests.Pdf;

/// <summary>The gray seal lift on a drawn page: mid-gray seal ink goes, black print (also where the seal crosses it) and thin gray rules stay.</summary>
public class SealFilterTests
{
    const int W = 800, H = 600;

    static GrayImage Page(bool seal)
    {
        var px = new byte[W * H];
        Array.Fill(px, (byte)255);
        void Dot(int x, int y, byte v) { if (x >= 0 && y >= 0 && x < W && y < H) px[y * W + x] = Math.Min(px[y * W + x], v); }
        // Print: lines of black 4-px strokes, 24 px tall, like characters in table rows 120 px apart, with a gray anti-aliased rim.
        for (int line = 0; line < 4; line++)
            for (int ch = 0; ch < 30; ch++)
                for (int y = 60 + line * 120; y < 84 + line * 120; y++)
                    for (int x = 40 + ch * 24; x < 46 + ch * 24; x++) Dot(x, y, x == 40 + ch * 24 || x == 45 + ch * 24 ? (byte)150 : (byte)30);
        // A thin gray table rule across the page.
        for (int x = 10; x < W - 10; x++) Dot(x, 40, 150);
        if (seal)
        {
            // A mid-gray ring 8 px thick (radius 150) with a star-like blob and lettering strokes inside.
            for (int y = 0; y < H; y++)
                for (int x = 0; x < W; x++)
                {
                    double d = Math.Sqrt((x - 400) * (x - 400) + (y - 300) * (y - 300));
                    if (Math.Abs(d - 150) < 4 || d < 40 || (d > 90 && d < 120 && (x / 12) % 2 == 0)) Dot(x, y, 140);
                }
        }
        return new GrayImage(W, H, px);
    }

    [Fact]
    public void AGraySealIsLiftedAndThePrintUnderItKept()
    {
        var page = Page(seal: true);
        Assert.True(SealFilter.Lift(page) > 0);
        Assert.Equal(255, page[400, 150]);      // the ring's top, between rows of print
        Assert.Equal(255, page[400, 300 + 30]); // the seal's centre blob where no print is
        Assert.Equal(30, page[42, 62]);         // print outside the seal
        Assert.Equal(30, page[402, 303]);       // print under the seal keeps its core
        Assert.Equal(255, page[250, 300 + 40]);  // the ring's side, below a row of print
        Assert.Equal(150, page[20, 40]);        // the thin gray rule
    }

    [Fact]
    public void AThinLightStrokeUnderTheSealIsKept()
    {
        // A serif face's 十 inside the seal's ring: a black stem crossed by a bar 2 px tall and as light as seal ink.
        var page = Page(seal: true);
        for (int y = 250; y < 252; y++)
            for (int x = 320; x < 370; x++) page.Pixels[y * W + x] = 150;
        for (int y = 236; y < 266; y++)
            for (int x = 343; x < 347; x++) page.Pixels[y * W + x] = 30;
        Assert.True(SealFilter.Lift(page) > 0);
        Assert.Equal(150, page[325, 250]);      // the bar stays, far from the stem's dark core
        Assert.Equal(255, page[400, 300 + 30]); // the seal's solid centre goes
    }

    [Fact]
    public void APageWithoutASealIsLeftAlone()
    {
        var page = Page(seal: false);
        var before = (byte[])page.Pixels.Clone();
        Assert.Equal(0, SealFilter.Lift(page));
        Assert.Equal(before, page.Pixels);
    }
}
