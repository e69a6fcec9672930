namespace Jixiao.Ingest.Ocr.Paddle;

/// <summary>
/// Writes a rectangle of a gray page into an NCHW float tensor, resized bilinearly (as PaddleOCR's
/// cv2.resize does) and normalised per channel. Gray pixels fill all three channels.
/// </summary>
internal static class ImageTensor
{
    /// <summary>(x/255 − mean)/std per channel; recognition and direction use mean = std = 0.5.</summary>
    internal readonly record struct Normalisation(float M0, float M1, float M2, float S0, float S1, float S2)
    {
        public static readonly Normalisation Half = new(0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f);
        // Detection: ImageNet mean and std, in the channel order PaddleOCR feeds (BGR image, RGB-ordered constants).
        public static readonly Normalisation ImageNet = new(0.485f, 0.456f, 0.406f, 0.229f, 0.224f, 0.225f);
    }

    /// <summary>
    /// Fills item <paramref name="item"/> of a [N,3,<paramref name="height"/>,<paramref name="stride"/>] tensor:
    /// the source box (x0,y0)-(x1,y1) resized to <paramref name="width"/>×<paramref name="height"/>; columns
    /// beyond <paramref name="width"/> keep the value already there (0 after normalisation, as PaddleOCR pads).
    /// </summary>
    public static void Fill(GrayImage img, int x0, int y0, int x1, int y1, float[] tensor, int item, int width, int height, int stride, Normalisation n)
    {
        int plane = height * stride;
        int baseIndex = item * 3 * plane;
        double sx = (double)(x1 - x0) / width, sy = (double)(y1 - y0) / height;
        var px = img.Pixels;
        int w = img.Width, h = img.Height;
        float a0 = 1f / (255f * n.S0), a1 = 1f / (255f * n.S1), a2 = 1f / (255f * n.S2);
        float b0 = -n.M0 / n.S0, b1 = -n.M1 / n.S1, b2 = -n.M2 / n.S2;
        for (int y = 0; y < height; y++)
        {
            double fy = y0 + (y + 0.5) * sy - 0.5;
            int iy = (int)Math.Floor(fy);
            float wy = (float)(fy - iy);
            int ya = Math.Clamp(iy, 0, h - 1), yb = Math.Clamp(iy + 1, 0, h - 1);
            int rowA = ya * w, rowB = yb * w;
            int o = baseIndex + y * stride;
            for (int x = 0; x < width; x++)
            {
                double fx = x0 + (x + 0.5) * sx - 0.5;
                int ix = (int)Math.Floor(fx);
                float wx = (float)(fx - ix);
                int xa = Math.Clamp(ix, 0, w - 1), xb = Math.Clamp(ix + 1, 0, w - 1);
                float top = px[rowA + xa] + (px[rowA + xb] - px[rowA + xa]) * wx;
                float bottom = px[rowB + xa] + (px[rowB + xb] - px[rowB + xa]) * wx;
                float v = top + (bottom - top) * wy;
                tensor[o + x] = v * a0 + b0;
                tensor[o + plane + x] = v * a1 + b1;
                tensor[o + 2 * plane + x] = v * a2 + b2;
            }
        }
    }
}
