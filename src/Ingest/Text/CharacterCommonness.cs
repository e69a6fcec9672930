using System.Text;

namespace Jixiao.Ingest.Text;

/// <summary>
/// How likely a character is in a Chinese government table, for telling a right decoding from mojibake. The
/// frequent-character lists are the character sets' own frequency tiers, read from the encodings rather than
/// shipped as data: GB2312's hanzi rows (B0A1–F7FE: level 1, the 3,755 most frequent, and level 2) and Big5's
/// frequent block (A440–C67E, 5,401 characters) for traditional text. A wrong decoding lands mostly on rare
/// ideographs, symbols of other scripts, private-use or replacement characters.
/// </summary>
internal static class CharacterCommonness
{
    static readonly bool[] FrequentHan = BuildFrequentHan();

    /// <summary>1 for what such text is made of, down to 0 for what a right decoding never gives; ASCII text is not scored.</summary>
    public static double Weight(char c)
    {
        if (c >= 0x4E00 && c <= 0x9FFF) return FrequentHan[c - 0x4E00] ? 1 : 0.3;
        if (c >= 0x3000 && c <= 0x303F) return 1;                // CJK punctuation: 、。《》【】
        if (c >= 0xFF01 && c <= 0xFF5E) return 1;                // fullwidth forms: （），：；％
        if (c >= 0x2010 && c <= 0x2030) return 1;                // dashes, quotes, ellipsis, ‰
        if (c >= 0x2160 && c <= 0x217F || c >= 0x2460 && c <= 0x24FF) return 1; // Ⅰ Ⅱ, ① ②
        if (c is '≥' or '≤' or '≧' or '≦' or '×' or '÷' or '±' or '°' or '√' or '□' or '■' or '☑' or '☐' or '√' or '·' or '\u00A0' or '\u3000' or '\uFEFF') return 1;
        if (c >= 0x2190 && c <= 0x22FF) return 0.6;              // arrows, math operators
        if (c >= 0x3400 && c <= 0x4DBF) return 0.1;              // CJK extension A: rare outside mojibake
        if (c == '\uFFFD' || char.IsSurrogate(c) || c >= 0xE000 && c <= 0xF8FF) return 0; // replacement, broken pairs, private use
        if (char.IsControl(c)) return 0;
        return 0.2;                                              // other scripts: Latin-1 letters, Cyrillic, kana, Hangul
    }

    /// <summary>True for characters that are scored (everything but printable ASCII and ASCII whitespace).</summary>
    public static bool IsSignal(char c) => c >= 0x7F || c < 0x20 && c is not ('\t' or '\n' or '\r' or '\f');

    static bool[] BuildFrequentHan()
    {
        var table = new bool[0x9FFF - 0x4E00 + 1];
        void Mark(Encoding encoding, int leadFrom, int leadTo, int trailFrom, int trailTo, int firstCode, int lastCode)
        {
            var pair = new byte[2];
            for (int lead = leadFrom; lead <= leadTo; lead++)
                for (int trail = trailFrom; trail <= trailTo; trail++)
                {
                    int code = lead << 8 | trail;
                    if (code < firstCode || code > lastCode) continue;
                    pair[0] = (byte)lead;
                    pair[1] = (byte)trail;
                    var s = encoding.GetString(pair);
                    if (s.Length == 1 && s[0] >= 0x4E00 && s[0] <= 0x9FFF) table[s[0] - 0x4E00] = true;
                }
        }
        Mark(TextDecoding.Gb18030, 0xB0, 0xF7, 0xA1, 0xFE, 0xB0A1, 0xF7FE);
        var big5 = Encoding.GetEncoding(950);
        Mark(big5, 0xA4, 0xC6, 0x40, 0x7E, 0xA440, 0xC67E);
        Mark(big5, 0xA4, 0xC6, 0xA1, 0xFE, 0xA440, 0xC67E);
        return table;
    }
}
