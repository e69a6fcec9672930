using System.Globalization;
using System.Text;

namespace Jixiao.Cli.ConsoleOutput;

/// <summary>
/// Terminal column width of text: East Asian wide and full-width characters (UAX #11 W/F: CJK, kana,
/// hangul, full-width forms, U+3000) take two columns, combining marks none, the rest one.
/// </summary>
internal static class TextWidth
{
    public static int Of(string? s)
    {
        if (string.IsNullOrEmpty(s)) return 0;
        int w = 0;
        foreach (var r in s.EnumerateRunes()) w += Of(r);
        return w;
    }

    public static int Of(Rune r)
    {
        int c = r.Value;
        if (c == 0 || c < 32 || (c >= 0x7F && c < 0xA0)) return 0;
        var cat = Rune.GetUnicodeCategory(r);
        if (cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format) return 0;
        return IsWide(c) ? 2 : 1;
    }

    static bool IsWide(int c) =>
        (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
        (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
        (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
        (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
        (c >= 0x20000 && c <= 0x3FFFD);

    /// <summary>Pads with spaces to <paramref name="width"/> columns.</summary>
    public static string PadRight(string s, int width) => s + new string(' ', Math.Max(0, width - Of(s)));

    /// <summary>Cuts to at most <paramref name="width"/> columns, ending with … when cut.</summary>
    public static string Truncate(string s, int width)
    {
        if (Of(s) <= width) return s;
        var sb = new StringBuilder();
        int w = 0;
        foreach (var r in s.EnumerateRunes())
        {
            int rw = Of(r);
            if (w + rw > width - 1) break;
            sb.Append(r.ToString());
            w += rw;
        }
        return sb.Append('…').ToString();
    }
}
