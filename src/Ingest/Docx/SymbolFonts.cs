namespace Jixiao.Ingest.Docx;

/// <summary>
/// Symbol fonts put glyphs in the private-use area (U+F0xx) or in Latin-1 codes. Checkbox forms
/// rely on a handful of them; these are mapped to the Unicode characters the glyphs show so the
/// extractor can read ticked and empty boxes. Codes from the Wingdings / Wingdings 2 / Symbol charts.
/// </summary>
internal static class SymbolFonts
{
    static readonly Dictionary<int, char> Wingdings = new()
    {
        [0x6E] = '■', [0x6F] = '□', [0x70] = '□', [0x71] = '□', [0x72] = '□', [0xA8] = '□',
        [0xA1] = '○', [0x6C] = '●', [0x9F] = '•', [0xFB] = '✗', [0xFC] = '✓',
        // The brief for this project treats a crossed box as ticked: both mean "selected" on these forms.
        [0xFD] = '☑', [0xFE] = '☑',
    };

    static readonly Dictionary<int, char> Wingdings2 = new()
    {
        [0x50] = '✓', [0x4F] = '✗', [0x51] = '☒', [0x52] = '☑', [0x53] = '☒', [0x54] = '☒',
        [0xA3] = '□', [0xA2] = '□', [0x2A] = '□', [0x97] = '●', [0x99] = '○',
    };

    static readonly Dictionary<int, char> Symbol = new()
    {
        [0xD6] = '√', [0xB4] = '×', [0xA3] = '≤', [0xB3] = '≥', [0xB1] = '±', [0xAE] = '→', [0xB7] = '•',
    };

    /// <summary>True for fonts whose codes this class translates.</summary>
    public static bool IsSymbolFont(string? font) =>
        font is not null && (font.StartsWith("Wingdings", StringComparison.OrdinalIgnoreCase)
                             || font.Equals("Symbol", StringComparison.OrdinalIgnoreCase));

    /// <summary>Maps one code of <paramref name="font"/> (F0xx or xx) to Unicode; null when unknown.</summary>
    public static char? Map(string? font, int code)
    {
        if (code >= 0xF000 && code <= 0xF0FF) code -= 0xF000;
        if (code > 0xFF) return null;
        font ??= "";
        if (font.StartsWith("Wingdings 2", StringComparison.OrdinalIgnoreCase))
            return Wingdings2.TryGetValue(code, out var c2) ? c2 : null;
        if (font.StartsWith("Wingdings", StringComparison.OrdinalIgnoreCase))
            return Wingdings.TryGetValue(code, out var c1) ? c1 : null;
        if (font.Equals("Symbol", StringComparison.OrdinalIgnoreCase))
            return Symbol.TryGetValue(code, out var c3) ? c3 : null;
        // Unknown or missing font on a private-use code: the Wingdings boxes are by far the usual case.
        return Wingdings.TryGetValue(code, out var c) ? c : Wingdings2.TryGetValue(code, out c) ? c : null;
    }
}
