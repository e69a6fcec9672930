using System.Text;

namespace Jixiao.Ingest.Doc;

/// <summary>
/// Decodes the 8-bit text of Word 6 / Word 95 files, which is stored in the Windows code page of
/// the document's language. One CP is one byte: in a double-byte code page (Chinese, Japanese,
/// Korean) a character takes two CPs, so the trail byte's CP gets '\0', which the text reader drops.
/// </summary>
internal sealed class AnsiText
{
    readonly Encoding _encoding;
    readonly char[]? _singleByte;
    readonly Func<byte, bool>? _isLead;

    AnsiText(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        CodePage = codePage;
        _encoding = Encoding.GetEncoding(codePage);
        _isLead = codePage switch
        {
            932 => b => b is >= 0x81 and <= 0x9F or >= 0xE0 and <= 0xFC,
            936 or 949 or 950 => b => b is >= 0x81 and <= 0xFE,
            _ => null,
        };
        if (_isLead is null)
        {
            var bytes = new byte[256];
            for (int i = 0; i < 256; i++) bytes[i] = (byte)i;
            _singleByte = _encoding.GetChars(bytes);
        }
    }

    public int CodePage { get; }

    public static AnsiText For(int codePage) => new(codePage);

    /// <summary>Decodes <paramref name="src"/> into <paramref name="dest"/>, one char per byte.</summary>
    public void Decode(ReadOnlySpan<byte> src, Span<char> dest)
    {
        if (_singleByte is not null)
        {
            for (int k = 0; k < src.Length; k++) dest[k] = _singleByte[src[k]];
            return;
        }
        Span<char> pair = stackalloc char[2];
        for (int k = 0; k < src.Length; k++)
        {
            byte b = src[k];
            if (b < 0x80) { dest[k] = (char)b; continue; }
            if (_isLead!(b) && k + 1 < src.Length)
            {
                int n = _encoding.GetChars(src.Slice(k, 2), pair);
                dest[k] = n > 0 ? pair[0] : '\uFFFD';
                dest[++k] = '\0';
                continue;
            }
            dest[k] = _encoding.GetChars(src.Slice(k, 1), pair) > 0 ? pair[0] : '\uFFFD';
        }
    }

    /// <summary>
    /// The code page of a Word 6 document: from its language (FIB lid) when that is not a Western
    /// one, else from the first font whose character set names a code page (an English Word writes
    /// lid 0x0409 for a Russian text set in a "Cyr" font), else Windows-1252.
    /// </summary>
    public static int CodePageOf(int lid, IEnumerable<int> fontCharsets)
    {
        int fromLid = CodePageOfLid(lid);
        if (fromLid != 1252) return fromLid;
        foreach (var chs in fontCharsets)
        {
            int cp = CodePageOfCharset(chs);
            if (cp != 0) return cp;
        }
        return 1252;
    }

    /// <summary>Windows code page of a language id (primary language in the low 10 bits).</summary>
    static int CodePageOfLid(int lid) => (lid & 0x3FF) switch
    {
        0x04 => (lid >> 10) is 0x01 or 0x03 or 0x05 ? 950 : 936, // zh-TW, zh-HK, zh-MO: Big5; else GBK
        0x11 => 932,
        0x12 => 949,
        0x02 or 0x19 or 0x22 or 0x23 or 0x2F => 1251,
        0x1A => (lid >> 10) is 0x03 or 0x07 ? 1251 : 1250, // Serbian Cyrillic; Croatian, Serbian Latin
        0x05 or 0x0E or 0x15 or 0x18 or 0x1B or 0x1C or 0x24 => 1250,
        0x08 => 1253,
        0x1F => 1254,
        0x0D => 1255,
        0x01 or 0x20 or 0x29 => 1256,
        0x25 or 0x26 or 0x27 => 1257,
        0x1E => 874,
        0x2A => 1258,
        _ => 1252,
    };

    /// <summary>Code page of a font character set (FFN.chs); 0 for ANSI, default, symbol and OEM.</summary>
    static int CodePageOfCharset(int chs) => chs switch
    {
        128 => 932,
        129 => 949,
        134 => 936,
        136 => 950,
        161 => 1253,
        162 => 1254,
        163 => 1258,
        177 => 1255,
        178 => 1256,
        186 => 1257,
        204 => 1251,
        222 => 874,
        238 => 1250,
        _ => 0,
    };
}
