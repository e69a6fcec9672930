using System.Text;

namespace Jixiao.Ingest.Sheet;

/// <summary>
/// The numeric part of a format section: digit placeholders (0 # ?), decimal point, grouping and
/// scaling commas, percent, exponent; literal text before the first placeholder is the prefix,
/// everything else the suffix (literals between digits, as in 000-0000, are rare in these forms).
/// </summary>
internal sealed class NumberPattern
{
    public string Prefix { get; private set; } = "";
    public string Suffix { get; private set; } = "";
    public int IntZeros { get; private set; }
    public int IntPlaceholders { get; private set; }
    public int FracMin { get; private set; }
    public int FracMax { get; private set; }
    public bool Point { get; private set; }
    public bool Grouping { get; private set; }
    public int Scale { get; private set; }
    public int Percent { get; private set; }
    public bool Exponent { get; private set; }
    public bool ExpPlus { get; private set; }
    public int ExpDigits { get; private set; }
    public bool HasDigits => IntPlaceholders > 0 || Point && FracMax > 0;

    public static NumberPattern From(FormatSection section)
    {
        var p = new NumberPattern();
        var pre = new StringBuilder();
        var post = new StringBuilder();
        bool seenDigit = false;
        int pendingCommas = 0;
        var tokens = section.Tokens;
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            var text = t.Kind == FormatTokenKind.Char ? t.Text : null;
            if (text is null || t.Kind != FormatTokenKind.Char)
            {
                (seenDigit ? post : pre).Append(t.Text);
                continue;
            }
            char c = text[0];
            if (p.Exponent && c is '0' or '#' or '?') { p.ExpDigits++; continue; }
            switch (c)
            {
                case '0' or '#' or '?':
                    if (pendingCommas > 0 && seenDigit && !p.Point) p.Grouping = true;
                    pendingCommas = 0;
                    seenDigit = true;
                    if (post.Length > 0) continue; // digits after a literal: keep the number contiguous
                    if (!p.Point)
                    {
                        p.IntPlaceholders++;
                        if (c == '0') p.IntZeros++;
                    }
                    else
                    {
                        p.FracMax++;
                        if (c == '0') p.FracMin = p.FracMax;
                    }
                    break;
                case '.' when !p.Point && !p.Exponent && post.Length == 0:
                    p.Point = true;
                    p.Scale += pendingCommas;
                    pendingCommas = 0;
                    break;
                case ',' when seenDigit:
                    pendingCommas++;
                    break;
                case '%':
                    p.Percent++;
                    (seenDigit ? post : pre).Append('%');
                    break;
                case 'E' or 'e' when seenDigit && i + 1 < tokens.Count && tokens[i + 1].Text is "+" or "-":
                    p.Exponent = true;
                    p.ExpPlus = tokens[i + 1].Text == "+";
                    i++;
                    break;
                case '@':
                    break;
                default:
                    (seenDigit ? post : pre).Append(c);
                    break;
            }
        }
        p.Scale += pendingCommas;
        p.Prefix = pre.ToString();
        p.Suffix = post.ToString();
        return p;
    }
}
