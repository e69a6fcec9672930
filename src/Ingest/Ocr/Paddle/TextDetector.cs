namespace Jixiao.Ingest.Ocr.Paddle;

/// <summary>
/// PP-OCRv4 text detection: the region resized so its sides are multiples of 32 (longest side at most
/// <see cref="MaxSide"/>), a probability map from the model, then DB post-processing: threshold the
/// map at 0.3, take each connected text kernel, keep it when its mean probability reaches 0.6, and grow
/// it back by area × 1.5 / perimeter (the kernel is a shrunk text line). Scans are deskewed first, so
/// boxes are axis-aligned rectangles.
/// </summary>
internal sealed class TextDetector(OnnxModel model)
{
    public const int MaxSide = 1280;
    const float Thresh = 0.3f, BoxThresh = 0.6f;
    const double UnclipRatio = 1.5;
    const int MaxCandidates = 1000;

    /// <summary>Text line boxes in page pixels, top to bottom.</summary>
    public List<(int X0, int Y0, int X1, int Y1, float Score)> Detect(GrayImage img, OcrRegion r, TimeSpan limit, CancellationToken cancel, int maxSide = MaxSide)
    {
        int w = r.Width, h = r.Height;
        if (w < 8 || h < 8) return new();
        double ratio = Math.Max(w, h) > maxSide ? (double)maxSide / Math.Max(w, h) : 1.0;
        int rw = Math.Max(32, (int)Math.Round(w * ratio / 32) * 32), rh = Math.Max(32, (int)Math.Round(h * ratio / 32) * 32);
        var tensor = new float[3 * rw * rh];
        ImageTensor.Fill(img, r.X0, r.Y0, r.X1, r.Y1, tensor, 0, rw, rh, rw, ImageTensor.Normalisation.ImageNet);
        var (map, shape) = model.Run(tensor, new long[] { 1, 3, rh, rw }, limit, cancel);
        // The run freed a page-sized set of tensors: give them back before the next region asks for another size.
        NativeHeap.Trim();
        int mh = shape[^2], mw = shape[^1];
        double fx = (double)w / mw, fy = (double)h / mh;
        var boxes = new List<(int, int, int, int, float)>();
        foreach (var k in Kernels(map, mw, mh))
        {
            if (boxes.Count >= MaxCandidates) break;
            int bw = k.X1 - k.X0 + 1, bh = k.Y1 - k.Y0 + 1;
            if (Math.Min(bw, bh) < 3 || BoxScore(map, mw, k) < BoxThresh) continue;
            double d = (double)bw * bh * UnclipRatio / (2.0 * (bw + bh));
            double ux0 = k.X0 - d, uy0 = k.Y0 - d, ux1 = k.X1 + 1 + d, uy1 = k.Y1 + 1 + d;
            if (Math.Min(ux1 - ux0, uy1 - uy0) < 5) continue;
            int px0 = r.X0 + Math.Clamp((int)Math.Round(ux0 * fx), 0, w), px1 = r.X0 + Math.Clamp((int)Math.Round(ux1 * fx), 0, w);
            int py0 = r.Y0 + Math.Clamp((int)Math.Round(uy0 * fy), 0, h), py1 = r.Y0 + Math.Clamp((int)Math.Round(uy1 * fy), 0, h);
            if (px1 - px0 < 4 || py1 - py0 < 4) continue;
            boxes.Add((px0, py0, px1, py1, k.Score));
        }
        boxes.Sort((a, b) => a.Item2 != b.Item2 ? a.Item2.CompareTo(b.Item2) : a.Item1.CompareTo(b.Item1));
        return boxes;
    }

    /// <summary>Mean probability over the kernel's box (PaddleOCR's "fast" score: the box, not just the kernel).</summary>
    static float BoxScore(float[] map, int w, (int X0, int Y0, int X1, int Y1, float Score) k)
    {
        double sum = 0;
        for (int y = k.Y0; y <= k.Y1; y++)
            for (int x = k.X0; x <= k.X1; x++) sum += map[y * w + x];
        return (float)(sum / ((k.X1 - k.X0 + 1) * (k.Y1 - k.Y0 + 1)));
    }

    /// <summary>Connected areas of the map above the threshold, with their bounds and mean probability.</summary>
    static IEnumerable<(int X0, int Y0, int X1, int Y1, float Score)> Kernels(float[] map, int w, int h)
    {
        var seen = new bool[w * h];
        var stack = new Stack<int>();
        for (int start = 0; start < map.Length; start++)
        {
            if (seen[start] || map[start] <= Thresh) continue;
            int x0 = int.MaxValue, y0 = int.MaxValue, x1 = -1, y1 = -1, n = 0;
            double sum = 0;
            seen[start] = true;
            stack.Push(start);
            while (stack.Count > 0)
            {
                int i = stack.Pop();
                int x = i % w, y = i / w;
                n++;
                sum += map[i];
                if (x < x0) x0 = x; if (x > x1) x1 = x; if (y < y0) y0 = y; if (y > y1) y1 = y;
                void Visit(int j) { if (!seen[j] && map[j] > Thresh) { seen[j] = true; stack.Push(j); } }
                if (x > 0) Visit(i - 1);
                if (x + 1 < w) Visit(i + 1);
                if (y > 0) Visit(i - w);
                if (y + 1 < h) Visit(i + w);
            }
            yield return (x0, y0, x1, y1, (float)(sum / n));
        }
    }
}
