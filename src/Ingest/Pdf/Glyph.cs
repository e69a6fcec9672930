namespace Jixiao.Ingest.Pdf;

/// <summary>
/// One piece of text placed on an upright page: a PDF letter or an OCR word. Coordinates are
/// points with the origin at the top-left of the displayed page and y growing downwards, so every
/// later stage can ignore /Rotate and rotated text matrices.
/// </summary>
/// <remarks><c>Turn</c>: clockwise quarter turns the glyph needs to read left to right on the upright page
/// (a vertical label in a horizontal table has 1 or 3). <c>Certainty</c>: 1 for a text layer's letter, the OCR
/// engine's confidence (0..1) for a word it read; null-free so glyph maths stays simple.</remarks>
internal readonly record struct Glyph(string Text, double Left, double Top, double Right, double Bottom, double Size, int Turn = 0, double Certainty = 1, bool FromOcr = false)
{
    public double CenterX => (Left + Right) / 2;
    public double CenterY => (Top + Bottom) / 2;
    public double Height => Bottom - Top;
    public bool IsSpace => string.IsNullOrWhiteSpace(Text);

    /// <summary>The glyph in the frame where it reads left to right (see <see cref="Turn"/>).</summary>
    public Glyph ToReadingFrame() => Turn switch
    {
        1 => this with { Left = -Bottom, Right = -Top, Top = Left, Bottom = Right },
        3 => this with { Left = Top, Right = Bottom, Top = -Right, Bottom = -Left },
        2 => this with { Left = -Right, Right = -Left, Top = -Bottom, Bottom = -Top },
        _ => this,
    };
}

/// <summary>A horizontal (Y fixed, From..To along x) or vertical (X fixed, From..To along y) rule.</summary>
internal readonly record struct Rule(bool Horizontal, double At, double From, double To)
{
    public double Length => To - From;
}

/// <summary>An axis-aligned box in upright page coordinates.</summary>
internal readonly record struct Box(double Left, double Top, double Right, double Bottom)
{
    public bool Contains(double x, double y) => x >= Left && x <= Right && y >= Top && y <= Bottom;
    public double Width => Right - Left;
    public double Height => Bottom - Top;
}
