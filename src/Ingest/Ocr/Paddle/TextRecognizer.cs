namespace Jixiao.Ingest.Ocr.Paddle;

/// <summary>
/// PP-OCRv4 recognition: a line resized to height 48 keeping its aspect, normalised to [-1, 1], one line per
/// model run; the model gives per-step class probabilities, decoded greedily as CTC: best class per step,
/// repeats collapsed, blanks (class 0) dropped. Classes 1.. are the key list, with a space appended as the
/// last class. A line's confidence is the mean probability of the characters it kept.
/// </summary>
/// <remarks>
/// One line per run, not batches padded to their widest line: a line's reading then depends on its own pixels
/// only (in a batch the padding and the batch's other lines moved confidences by up to 0.09 and, with other
/// batch sizes, dropped a ≥), and the unpadded runs cost about 40% less CPU on a form page (measured on
/// scan_self_01 and changsha_transfer_scan_p5: same text on every line).
/// </remarks>
internal sealed class TextRecognizer(OnnxModel model, string[] keys)
{
    public const int Height = 48;
    const int MinWidth = 8;
    const int MaxWidth = 3200;

    public static string[] LoadKeys()
    {
        using var reader = new StreamReader(ModelResources.Open(ModelResources.Keys));
        var keys = new List<string>();
        while (reader.ReadLine() is { } line) keys.Add(line);
        keys.Add(" ");
        return keys.ToArray();
    }

    /// <summary>Reads one line box (page pixels) in one model run.</summary>
    public (string Text, float Confidence) Read(GrayImage img, (int X0, int Y0, int X1, int Y1) line, TimeSpan limit, CancellationToken cancel)
    {
        var (x0, y0, x1, y1) = line;
        int width = Math.Clamp((int)Math.Ceiling(Height * (double)Math.Max(1, x1 - x0) / Math.Max(1, y1 - y0)), MinWidth, MaxWidth);
        var tensor = new float[3 * Height * width];
        ImageTensor.Fill(img, x0, y0, x1, y1, tensor, 0, width, Height, width, ImageTensor.Normalisation.Half);
        return model.Run(tensor, new long[] { 1, 3, Height, width }, limit, cancel, (probs, shape) => Decode(probs, shape[1], shape[2]));
    }

    (string, float) Decode(ReadOnlySpan<float> probs, int steps, int classes)
    {
        var sb = new System.Text.StringBuilder();
        double sum = 0;
        int kept = 0, previous = 0;
        for (int t = 0; t < steps; t++)
        {
            int at = t * classes, best = 0;
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
