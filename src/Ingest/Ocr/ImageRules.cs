using Jixiao.Ingest.Pdf;

namespace Jixiao.Ingest.Ocr;

/// <summary>
/// Finds table rules on a scan: long runs of dark pixels along rows (horizontal rules) and columns
/// (vertical rules). Runs much longer than any glyph stroke are rules; short light breaks from
/// scanning noise are bridged.
/// </summary>
internal static class ImageRules
{
    // Light enough to keep a hairline rule that JPEG and straightening have blurred to gray; paper never
    // reaches it over a rule's length.
    const byte Dark = 170;

    /// <summary>
    /// Finds the rules and paints them white in the image: tesseract reads ruling lines as
    /// "|" and "ee" and merges cells, so it gets the page without them.
    /// </summary>
    public static List<Rule> FindAndErase(GrayImage img, double pointsPerPixel)
    {
        var rules = Find(img, pointsPerPixel);
        var px = img.Pixels;
        int w = img.Width, h = img.Height;
        foreach (var r in rules)
        {
            int at = (int)Math.Round(r.At / pointsPerPixel);
            int from = Math.Max(0, (int)(r.From / pointsPerPixel)), to = (int)(r.To / pointsPerPixel);
            for (int d = -2; d <= 2; d++)
            {
                int line = at + d;
                if (r.Horizontal)
                {
                    if (line < 0 || line >= h) continue;
                    for (int x = from; x < Math.Min(to, w); x++) if (d == 0 || px[line * w + x] < 200) px[line * w + x] = 255;
                }
                else
                {
                    if (line < 0 || line >= w) continue;
                    for (int y = from; y < Math.Min(to, h); y++) if (d == 0 || px[y * w + line] < 200) px[y * w + line] = 255;
                }
            }
        }
        return rules;
    }

    public static List<Rule> Find(GrayImage img, double pointsPerPixel)
    {
        int minRun = Math.Max(40, (int)(22 / pointsPerPixel));   // ~22pt: longer than any glyph stroke
        int bridge = Math.Max(2, (int)(1.0 / pointsPerPixel));                   // ~1pt light break tolerated
        var rules = new List<Rule>();
        for (int y = 0; y < img.Height; y++)
            Scan(img.Width, x => img[x, y] < Dark, minRun, bridge,
                (a, b) => rules.Add(new Rule(true, y * pointsPerPixel, a * pointsPerPixel, b * pointsPerPixel)));
        for (int x = 0; x < img.Width; x++)
            Scan(img.Height, y => img[x, y] < Dark, minRun, bridge,
                (a, b) => rules.Add(new Rule(false, x * pointsPerPixel, a * pointsPerPixel, b * pointsPerPixel)));
        return rules;
    }

    static void Scan(int length, Func<int, bool> dark, int minRun, int bridge, Action<int, int> emit)
    {
        int start = -1, lastDark = -1;
        for (int i = 0; i <= length; i++)
        {
            bool d = i < length && dark(i);
            if (d)
            {
                if (start < 0) start = i;
                lastDark = i;
            }
            else if (start >= 0 && i - lastDark > bridge)
            {
                if (lastDark - start + 1 >= minRun) emit(start, lastDark + 1);
                start = -1;
            }
        }
    }
}
