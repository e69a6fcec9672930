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
    /// <summary>Double-byte code pages: which bytes lead a two-byte character.</summary>
    readonly bool[]? _isLead;
    /// <summary>Double-byte code pages: what one byte alone decodes to (a trail byte of nothing, a stray byte).</summary>
    readonly char[]? _lone;
    /// <summary>Double-byte code pages: per lead byte, what it decodes to with each trail byte; a row is filled on first use.</summary>
    readonly char[]?[] _pairs = new char[]?[256];

    static readonly Dictionary<int, AnsiText> ByCodePage = new();

    AnsiText(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        CodePage = codePage;
        _encoding = Encoding.GetEncoding(codePage);
        Func<int, bool>? isLead = codePage switch
        {
            932 => b => b is >= 0x81 and <= 0x9F or >= 0xE0 and <= 0xFC,
            936 or 949 or 950 => b => b is >= 0x81 and <= 0xFE,
            _ => null,
        };
        if (isLead is not null)
        {
            _isLead = new bool[256];
            for (int b = 0; b < 256; b++) _isLead[b] = isLead(b);
        }
        if (_isLead is null)
        {
            var bytes = new byte[256];
            for (int i = 0; i < 256; i++) bytes[i] = (byte)i;
            _singleByte = _encoding.GetChars(bytes);
        }
        else
        {
            _lone = new char[256];
            Span<char> one = stackalloc char[2];
            for (int b = 0x80; b < 256; b++)
                _lone[b] = _encoding.GetChars(new[] { (byte)b }, one) > 0 ? one[0] : '\uFFFD';
        }
    }

    public int CodePage { get; }

    /// <summary>The decoder of a code page, made once per process: its tables are shared by every file in it.</summary>
    public static AnsiText For(int codePage)
    {
        lock (ByCodePage)
        {
            if (!ByCodePage.TryGetValue(codePage, out var ansi)) ByCodePage[codePage] = ansi = new AnsiText(codePage);
            return ansi;
        }
    }

    /// <summary>Decodes <paramref name="src"/> into <paramref name="dest"/>, one char per byte.</summary>
    public void Decode(ReadOnlySpan<byte> src, Span<char> dest)
    {
        if (_singleByte is not null)
        {
            for (int k = 0; k < src.Length; k++) dest[k] = _singleByte[src[k]];
            return;
        }
        bool[] isLead = _isLead!;
        char[] lone = _lone!;
        char[]?[] pairs = _pairs;
        for (int k = 0; k < src.Length; k++)
        {
            byte b = src[k];
            if (b < 0x80) { dest[k] = (char)b; continue; }
            if (isLead[b] && k + 1 < src.Length)
            {
                // A row is published whole (PairRow), so a plain read sees it complete or not at all.
                dest[k] = (pairs[b] ?? PairRow(b))[src[k + 1]];
                dest[++k] = '\0';
                continue;
            }
            dest[k] = lone[b];
        }
    }

    /// <summary>
    /// What <paramref name="lead"/> followed by each trail byte decodes to: the first character of that pair's
    /// decoding, each pair decoded on its own as the text reader once did per character. Filled once per lead byte
    /// a process meets; a race only fills a row twice with the same values.
    /// </summary>
    char[] PairRow(byte lead)
    {
        var row = new char[256];
        Span<byte> pair = stackalloc byte[2];
        Span<char> chars = stackalloc char[2];
        pair[0] = lead;
        for (int trail = 0; trail < 256; trail++)
        {
            pair[1] = (byte)trail;
            row[trail] = _encoding.GetChars(pair, chars) > 0 ? chars[0] : '\uFFFD';
        }
        Volatile.Write(ref _pairs[lead], row);
        return row;
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
