using System.Globalization;
using Jixiao.Ingest.Pdf;

namespace Jixiao.Ingest.Ocr;

/// <summary>One recognised word with its box in pixels and tesseract's confidence (0..100).</summary>
internal readonly record struct OcrWord(string Text, int Left, int Top, int Width, int Height, double Confidence);

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
            var text = f[11].Trim();
            if (text.Length == 0) continue;
            if (!double.TryParse(f[10], NumberStyles.Float, CultureInfo.InvariantCulture, out var conf) || conf < 0) continue;
            if (!int.TryParse(f[6], out var l) || !int.TryParse(f[7], out var t) ||
                !int.TryParse(f[8], out var w) || !int.TryParse(f[9], out var h)) continue;
            words.Add(new OcrWord(text, l, t, w, h, conf));
        }
        return words;
    }

    public static Glyph ToGlyph(OcrWord w, double pointsPerPixel) =>
        new(w.Text, w.Left * pointsPerPixel, w.Top * pointsPerPixel, (w.Left + w.Width) * pointsPerPixel,
            (w.Top + w.Height) * pointsPerPixel, Math.Max(4, w.Height * pointsPerPixel));
}
