namespace Jixiao.Ingest.Doc;

/// <summary>
/// Symbol-font characters (sprmCSymbol, or U+F0xx written straight into the text) that forms use as
/// check boxes, mapped to their Unicode look-alikes so a ticked box reads as ticked.
/// </summary>
internal static class SymbolMap
{
    static readonly Dictionary<char, char> Known = new()
    {
        ['\uF0A8'] = '□', // Wingdings: white square
        ['\uF06F'] = '□', // Wingdings: 'o' box
        ['\uF071'] = '□', // Wingdings: 'q' box
        ['\uF0A3'] = '□', // Wingdings 2: box
        ['\uF0FE'] = '☑', // Wingdings: box with check
        ['\uF0FD'] = '☑', // Wingdings: box with x (forms use it as "checked")
        ['\uF078'] = '☒', // Wingdings: x box
        ['\uF052'] = '☑', // Wingdings 2: box with check
        ['\uF053'] = '☒', // Wingdings 2: box with x
        ['\uF0FC'] = '✓', // Wingdings: check mark
        ['\uF0FB'] = '✗', // Wingdings: x mark
        ['\uF09F'] = '•', // Wingdings: bullet
        ['\uF06C'] = '●', // Wingdings: black circle
    };

    /// <summary>The Unicode character for a symbol-font code point; the code itself when unknown.</summary>
    public static char Map(char symbol)
    {
        // Symbol fonts are addressed both as 0x00xx and as the private-use 0xF0xx.
        char key = symbol < 0x100 ? (char)(0xF000 | symbol) : symbol;
        return Known.TryGetValue(key, out var c) ? c : symbol;
    }

    /// <summary>Maps every symbol-font character in <paramref name="text"/> (for text from other readers).</summary>
    public static string MapAll(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\uF020', '\uF0FF')) return text;
        var chars = text.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
            if (IsPrivateUseSymbol(chars[i])) chars[i] = Map(chars[i]);
        return new string(chars);
    }

    public static bool IsPrivateUseSymbol(char c) => c >= '\uF020' && c <= '\uF0FF';
}
