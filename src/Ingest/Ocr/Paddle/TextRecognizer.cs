namespace Jixiao.Ingest.Ocr.Paddle;

/// <summary>
/// PP-OCRv4 recognition: each line resized to height 48 keeping its aspect (batch padded to the widest,
/// at least 320 wide as PaddleOCR does), normalised to [-1, 1]; the model gives per-step class
/// probabilities, decoded greedily as CTC: best class per step, repeats collapsed, blanks (class 0)
/// dropped. Classes 1.. are the key list, with a space appended as the last class. A line's
/// confidence is the mean probability of the characters it kept.
/// </summary>
internal sealed class TextRecognizer(OnnxModel model, string[] keys)
{
    public const int Height = 48;
    const int MinWidth = 160;
    const int MaxWidth = 3200;

    public static string[] LoadKeys()
    {
        using var reader = new StreamReader(ModelResources.Open(ModelResources.Keys));
        var keys = new List<string>();
        while (reader.ReadLine() is { } line) keys.Add(line);
        keys.Add(" ");
        return keys.ToArray();
    }

    /// <summary>Reads a batch of line boxes (page pixels) in one model run.</summary>
    public List<(string Text, float Confidence)> Read(GrayImage img, IReadOnlyList<(int X0, int Y0, int X1, int Y1)> lines, TimeSpan limit, CancellationToken cancel)
    {
        if (lines.Count == 0) return new();
        var widths = lines.Select(l => Math.Clamp((int)Math.Ceiling(Height * (double)Math.Max(1, l.X1 - l.X0) / Math.Max(1, l.Y1 - l.Y0)), 8, MaxWidth)).ToArray();
        int stride = Math.Max(MinWidth, widths.Max());
        var tensor = new float[lines.Count * 3 * Height * stride];
        for (int i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            ImageTensor.Fill(img, l.X0, l.Y0, l.X1, l.Y1, tensor, i, widths[i], Height, stride, ImageTensor.Normalisation.Half);
        }
        var (probs, shape) = model.Run(tensor, new long[] { lines.Count, 3, Height, stride }, limit, cancel);
        int steps = shape[1], classes = shape[2];
        var result = new List<(string, float)>(lines.Count);
        for (int i = 0; i < lines.Count; i++)
        {
            // Steps past this line's own width only saw padding.
            int used = Math.Min(steps, (int)Math.Ceiling(steps * (double)widths[i] / stride) + 1);
            result.Add(Decode(probs, i * steps * classes, used, classes));
        }
        return result;
    }

    (string, float) Decode(float[] probs, int offset, int steps, int classes)
    {
        var sb = new System.Text.StringBuilder();
        double sum = 0;
        int kept = 0, previous = 0;
        for (int t = 0; t < steps; t++)
        {
            int at = offset + t * classes, best = 0;
            float max = probs[at];
            for (int c = 1; c < classes; c++)
                if (probs[at + c] > max) { max = probs[at + c]; best = c; }
            if (best != 0 && best != previous && best - 1 < keys.Length)
            {
                sb.Append(keys[best - 1]);
                sum += max;
                kept++;
            }
            previous = best;
        }
        return (sb.ToString().Trim(), kept == 0 ? 0f : (float)(sum / kept));
    }
}
