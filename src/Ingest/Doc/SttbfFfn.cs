using System.Buffers.Binary;
using System.Text;

namespace Jixiao.Ingest.Doc;

/// <summary>
/// The font table (SttbfFfn, MS-DOC 2.9.283): font names by index (ftc), needed to tell which
/// symbol font a sprmCSymbol character is drawn in.
/// </summary>
internal static class SttbfFfn
{
    /// <summary>Offset of xszFfn inside an FFN: flags, wWeight, chs, ixchSzAlt, panose[10], fs[24].</summary>
    const int NameOffset = 39;

    public static string[] ReadNames(ReadOnlySpan<byte> sttb)
    {
        if (sttb.Length < 4) return Array.Empty<string>();
        // fExtend (0xFFFF) is not used by this table: cData is a plain 16-bit count.
        int cData = BinaryPrimitives.ReadUInt16LittleEndian(sttb);
        int pos = 4;
        var names = new List<string>(Math.Min(cData, 1024));
        for (int i = 0; i < cData && pos < sttb.Length; i++)
        {
            int cch = sttb[pos];
            var ffn = sttb.Slice(pos + 1, Math.Min(cch, sttb.Length - pos - 1));
            pos += 1 + cch;
            string name = "";
            if (ffn.Length > NameOffset + 1)
            {
                var chars = Utf16(ffn[NameOffset..]);
                int end = chars.IndexOf('\0');
                name = end >= 0 ? chars[..end] : chars;
            }
            names.Add(name);
        }
        return names.ToArray();
    }

    /// <summary>
    /// The Word 6/95 font table: cbSttbf (the table's size), then FFNs of cbFfnM1, flags, wWeight,
    /// chs, ixchSzAlt and an 8-bit, zero-terminated name. Gives the names and each font's chs.
    /// </summary>
    public static string[] ReadWord6(ReadOnlySpan<byte> sttb, List<int> charsets)
    {
        if (sttb.Length < 2) return Array.Empty<string>();
        int end = Math.Min(sttb.Length, BinaryPrimitives.ReadUInt16LittleEndian(sttb));
        var names = new List<string>();
        for (int pos = 2; pos < end;)
        {
            int cb = sttb[pos] + 1;
            var ffn = sttb.Slice(pos, Math.Min(cb, end - pos));
            pos += cb;
            if (ffn.Length < 7) break;
            charsets.Add(ffn[4]);
            var name = ffn[6..];
            int zero = name.IndexOf((byte)0);
            names.Add(Encoding.Latin1.GetString(zero >= 0 ? name[..zero] : name));
        }
        return names.ToArray();
    }

    static string Utf16(ReadOnlySpan<byte> utf16) => Encoding.Unicode.GetString(utf16[..(utf16.Length & ~1)]);
}
