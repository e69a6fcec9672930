namespace Jixiao.Ingest.Pdf;

/// <summary>
/// One piece of text placed on an upright page: a PDF letter or an OCR word. Coordinates are
/// points with the origin at the top-left of the displayed page and y growing downwards, so every
/// later stage can ignore /Rotate and rotated text matrices.
/// </summary>
internal readonly record struct Glyph(string Text, double Left, double Top, double Right, double Bottom, double Size)
{
    public double CenterX => (Left + Right) / 2;
    public double CenterY => (Top + Bottom) / 2;
    public double Height => Bottom - Top;
    public bool IsSpace => string.IsNullOrWhiteSpace(Text);
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
