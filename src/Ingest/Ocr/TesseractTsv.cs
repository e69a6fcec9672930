using System.Globalization;
using Jixiao.Ingest.Pdf;

namespace Jixiao.Ingest.Ocr;

/// <summary>One recognised word with its box in pixels and tesseract's confidence (0..100).</summary>
internal readonly record struct OcrWord(string Text, int Left, int Top, int Width, int Height, double Confidence, int Line = 0, int Image = 1);

/// <summary>Reads tesseract's TSV output (level 5 rows are words).</summary>
internal static class TesseractTsv
{
    public static List<OcrWord> Parse(string tsv)
    {
        var words = new List<OcrWord>();
        foreach (var raw in tsv.Split('\n'))
        {
            var f = raw.TrimEnd('\r').Split('\t');
            if (f.Length < 12 || f[0] != "5") continue;
            var text = FixComparison(f[11].Trim());
            if (text.Length == 0) continue;
            if (!double.TryParse(f[10], NumberStyles.Float, CultureInfo.InvariantCulture, out var conf) || conf < 0) continue;
            if (!int.TryParse(f[6], out var l) || !int.TryParse(f[7], out var t) ||
                !int.TryParse(f[8], out var w) || !int.TryParse(f[9], out var h)) continue;
            int line = HashCode.Combine(f[1], f[2], f[3], f[4]);
            int image = int.TryParse(f[1], out var pn) ? pn : 1;
            words.Add(new OcrWord(text, l, t, w, h, conf, line, image));
        }
        return FixTallBoxes(words);
    }

    /// <summary>
    /// Tesseract sometimes reports a word with the height of two or three text lines, which would
    /// glue neighbouring lines together. Such words take the vertical band of the ordinary words of
    /// their own tesseract line; junk boxes with no such neighbours and low confidence are dropped.
    /// </summary>
    static List<OcrWord> FixTallBoxes(List<OcrWord> words)
    {
        if (words.Count == 0) return words;
        var heights = words.Select(w => w.Height).OrderBy(h => h).ToList();
        int median = heights[heights.Count / 2];
        int limit = (int)(median * 1.6) + 1;
        var bands = words.Where(w => w.Height <= limit).GroupBy(w => w.Line)
            .ToDictionary(g => g.Key, g => (Top: Median(g.Select(w => w.Top)), Bottom: Median(g.Select(w => w.Top + w.Height))));
        var result = new List<OcrWord>(words.Count);
        foreach (var w in words)
        {
            if (w.Height <= limit) { result.Add(w); continue; }
            if (bands.TryGetValue(w.Line, out var band) && band.Bottom > band.Top)
                result.Add(w with { Top = band.Top, Height = band.Bottom - band.Top });
            else if (w.Confidence >= 50 && w.Height <= median * 3)
                result.Add(w);
        }
        return result;
    }

    static int Median(IEnumerable<int> values)
    {
        var list = values.OrderBy(v => v).ToList();
        return list[list.Count / 2];
    }

    /// <summary>
    /// Tesseract reads the indicator signs ≥ and ≤ as > and < (their bar is thin on scans);
    /// strict > and < before a number are rare in these forms, so the sign is restored.
    /// </summary>
    internal static string FixComparison(string text) =>
        text.Length > 1 && (text[0] == '>' || text[0] == '<') && char.IsDigit(text[1])
            ? (text[0] == '>' ? "≥" : "≤") + text[1..]
            : text;

    public static Glyph ToGlyph(OcrWord w, double pointsPerPixel) =>
        new(w.Text, w.Left * pointsPerPixel, w.Top * pointsPerPixel, (w.Left + w.Width) * pointsPerPixel,
            (w.Top + w.Height) * pointsPerPixel, Math.Max(4, w.Height * pointsPerPixel), Certainty: Math.Clamp(w.Confidence / 100, 0, 1), FromOcr: true);
}
