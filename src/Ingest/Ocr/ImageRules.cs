using Jixiao.Ingest.Pdf;

namespace Jixiao.Ingest.Ocr;

/// <summary>
/// Finds table rules on a scan: long runs of dark pixels along rows (horizontal rules) and columns
/// (vertical rules). Runs much longer than any glyph stroke are rules; short light breaks from
/// scanning noise are bridged.
/// </summary>
internal static class ImageRules
{
    const byte Dark = 150;

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
