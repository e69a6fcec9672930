namespace Jixiao.Ingest.Ofd;

/// <summary>
/// The glyph positions of one TextCode (GB/T 33190 §11.3): the first character at X/Y, each next one
/// moved by the matching DeltaX/DeltaY entry. "g n v" in a delta list stands for n copies of v. A
/// character without a delta entry advances by its natural width: the font size for CJK, half of it
/// for Latin letters and digits.
/// </summary>
internal static class OfdTextCode
{
    /// <summary>A delta list longer than this is not believed (a hostile "g 2000000000 1").</summary>
    const int MaxDeltas = 100_000;

    public static List<double> Deltas(string? list)
    {
        var result = new List<double>();
        if (string.IsNullOrWhiteSpace(list)) return result;
        var tokens = list.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < tokens.Length && result.Count < MaxDeltas; i++)
        {
            if (tokens[i] is "g" or "G")
            {
                if (i + 2 >= tokens.Length) break;
                var n = OfdXml.Numbers(tokens[i + 1]);
                var v = OfdXml.Numbers(tokens[i + 2]);
                if (n.Length == 1 && v.Length == 1)
                    for (int k = 0; k < (int)Math.Clamp(n[0], 0, MaxDeltas) && result.Count < MaxDeltas; k++) result.Add(v[0]);
                i += 2;
                continue;
            }
            var num = OfdXml.Numbers(tokens[i]);
            if (num.Length == 1) result.Add(num[0]);
        }
        return result;
    }

    /// <summary>Natural advance of a character at font size <paramref name="size"/> when no delta gives it.</summary>
    public static double Advance(string text, double size) =>
        text.Length == 1 && text[0] < 0x2E80 ? size * 0.5 : size;

    /// <summary>Each character (a surrogate pair counts as one) with its start point in the object's own space.</summary>
    public static IEnumerable<(string Text, double X, double Y, double Advance)> Place(string text, double x, double y, List<double> dx, List<double> dy, double size)
    {
        var chars = new List<string>();
        var e = System.Globalization.StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext()) chars.Add((string)e.Current);
        for (int i = 0; i < chars.Count; i++)
        {
            double adv = i < dx.Count ? dx[i] : Advance(chars[i], size);
            // The last glyph's width is its natural one; a delta that jumps back (a line break inside one
            // TextCode) is not a width either.
            double width = i < dx.Count && i + 1 < chars.Count && adv > 0 && adv < size * 3 ? adv : Advance(chars[i], size);
            yield return (chars[i], x, y, width);
            x += adv;
            if (i < dy.Count) y += dy[i];
        }
    }

    /// <summary>Where the text continues after this TextCode (for a following TextCode without X or Y).</summary>
    public static (double X, double Y) End(string text, double x, double y, List<double> dx, List<double> dy, double size)
    {
        foreach (var g in Place(text, x, y, dx, dy, size)) { x = g.X + g.Advance; y = g.Y; }
        return (x, y);
    }
}
