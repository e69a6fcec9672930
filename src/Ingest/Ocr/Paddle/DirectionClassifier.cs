namespace Jixiao.Ingest.Ocr.Paddle;

/// <summary>
/// PP-OCR's text direction classifier: a line resized to height 48 (at most 192 wide, padded), two
/// classes, 0° and 180°. Used to tell an upright page from an upside-down one.
/// </summary>
internal sealed class DirectionClassifier(OnnxModel model)
{
    const int Height = 48, Width = 192;

    /// <summary>The probability that each line is upside down.</summary>
    public float[] UpsideDown(GrayImage img, IReadOnlyList<(int X0, int Y0, int X1, int Y1)> lines, TimeSpan limit, CancellationToken cancel)
    {
        if (lines.Count == 0) return Array.Empty<float>();
        var tensor = new float[lines.Count * 3 * Height * Width];
        for (int i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            int w = Math.Clamp((int)Math.Ceiling(Height * (double)(l.X1 - l.X0) / Math.Max(1, l.Y1 - l.Y0)), 4, Width);
            ImageTensor.Fill(img, l.X0, l.Y0, l.X1, l.Y1, tensor, i, w, Height, Width, ImageTensor.Normalisation.Half);
        }
        var (probs, _) = model.Run(tensor, new long[] { lines.Count, 3, Height, Width }, limit, cancel);
        var result = new float[lines.Count];
        for (int i = 0; i < lines.Count; i++) result[i] = probs[i * 2 + 1];
        return result;
    }
}
