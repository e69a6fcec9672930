namespace Jixiao.Ingest.Ocr;

/// <summary>
/// A text recogniser over regions of a page image. The scanned-page reader finds the regions (table
/// cells where rules are found, the rest of the page elsewhere); the engine reads them. PP-OCR is the
/// engine; tesseract stays as the peer `bench` compares against.
/// </summary>
internal interface IOcrEngine
{
    /// <summary>Short name for warnings and bench output.</summary>
    string Name { get; }

    /// <summary>Throws <see cref="OcrUnavailableException"/> when the engine cannot run on this machine.</summary>
    void EnsureAvailable(CancellationToken cancel);

    /// <summary>
    /// Reads every region of <paramref name="image"/>. Each region runs under its own time limit: a region
    /// that runs out, or that holds only speckle, is skipped with a warning and the others are kept.
    /// Words come back in page pixels with confidence 0..100.
    /// </summary>
    /// <param name="upright">
    /// When given, it is shown a sample of the page's lines as read before the rest is read, and decides whether the
    /// page is upright: when it says no, the rest is not read and null comes back (the page is to be turned first).
    /// An engine that cannot read a sample shows it everything it read.
    /// </param>
    OcrReading? Read(GrayImage image, IReadOnlyList<OcrRegion> regions, CancellationToken cancel, Func<OcrSample, bool>? upright = null);

    /// <summary>Clockwise degrees (0, 90, 180, 270) that make the page upright.</summary>
    int UprightTurns(GrayImage page, CancellationToken cancel);
}

/// <summary>
/// A rectangle of the page in pixels. A cell holds one or a few lines of text; an area (the page
/// outside the tables) needs text detection first.
/// </summary>
internal readonly record struct OcrRegion(int X0, int Y0, int X1, int Y1, bool IsCell)
{
    public int Width => X1 - X0;
    public int Height => Y1 - Y0;
}

/// <summary>What an engine read of <paramref name="Lines"/> of the page's <paramref name="OfLines"/> text lines (words below the engine's floors left out).</summary>
internal sealed record OcrSample(List<OcrWord> Words, int Lines, int OfLines);

/// <summary>What an engine read on one page, and what it had to skip.</summary>
internal sealed record OcrReading(List<OcrWord> Words, List<string> Warnings);
