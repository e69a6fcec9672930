using System.Buffers.Binary;

namespace Jixiao.Ingest.Doc;

/// <summary>
/// The File Information Block at the start of the WordDocument stream (MS-DOC 2.5.1): FibBase,
/// the FibRgLw97 character counts and the FibRgFcLcb97 offsets this reader needs. Word 6.0 and
/// Word 95 files (nFib 101..105) have a fixed-layout FIB instead: the same FibBase, the counts
/// at 0x34 and the fc/lcb pairs, in the Word 97 order, from 0x58; their tables live in the
/// WordDocument stream itself.
/// </summary>
internal sealed class Fib
{
    public const ushort WordIdent = 0xA5EC;
    /// <summary>wIdent of Word 6.0 and Word 95 files, whose FIB and text layout differ from Word 97's.</summary>
    public const ushort Word6Ident = 0xA5DC;

    /// <summary>Word 97 and later write nFib 0xC1 (betas 0xC0); Word 6 and 95 wrote 101..105 with another FIB layout.</summary>
    const int FirstWord97NFib = 150;
    const int FirstWord6NFib = 101;
    /// <summary>Word 6 FIB: FibRgLw-like counts (ccpText first) and the fc/lcb pairs.</summary>
    const int Word6CcpText = 0x34;
    const int Word6FcLcb = 0x58;
    /// <summary>Pairs a Word 6 FIB holds up to and including fcClx/lcbClx (index 33).</summary>
    const int Word6Pairs = 34;

    /// <summary>A Word 6.0 / Word 95 file: 8-bit text, one-byte sprms, tables in the WordDocument stream.</summary>
    public bool IsWord6 { get; private init; }
    /// <summary>The document's language (FibBase.lid), which names the code page of Word 6 text.</summary>
    public ushort Lid { get; private init; }
    /// <summary>Word 6: where the text starts and ends in the WordDocument stream (unfragmented files).</summary>
    public uint FcMin { get; private init; }
    public uint FcMac { get; private init; }

    public ushort NFib { get; private init; }
    public bool FEncrypted { get; private init; }
    public bool FObfuscated { get; private init; }
    public bool FComplex { get; private init; }
    /// <summary>fWhichTblStm: true when the table stream is "1Table".</summary>
    public bool FWhichTblStm { get; private init; }
    public int CcpText { get; private init; }
    public int CcpFtn { get; private init; }
    public int CcpHdd { get; private init; }
    /// <summary>FibRgLw97.reserved3, which older Word wrote as ccpMcr and which still counts in the CP space.</summary>
    public int CcpMcr { get; private init; }
    public int CcpAtn { get; private init; }
    public int CcpEdn { get; private init; }
    public int CcpTxbx { get; private init; }
    public uint FcPlcSpaMom { get; private init; }
    public uint LcbPlcSpaMom { get; private init; }
    public uint FcPlcftxbxTxt { get; private init; }
    public uint LcbPlcftxbxTxt { get; private init; }
    public uint FcPlcfBteChpx { get; private init; }
    public uint LcbPlcfBteChpx { get; private init; }
    public uint FcPlcfBtePapx { get; private init; }
    public uint LcbPlcfBtePapx { get; private init; }
    public uint FcClx { get; private init; }
    public uint FcStshf { get; private init; }
    public uint LcbStshf { get; private init; }
    public uint FcSttbfFfn { get; private init; }
    public uint LcbSttbfFfn { get; private init; }
    public uint LcbClx { get; private init; }

    public string TableStreamName => IsWord6 ? "WordDocument" : FWhichTblStm ? "1Table" : "0Table";

    public static Fib Read(ReadOnlySpan<byte> wordDocument)
    {
        if (wordDocument.Length < 32) throw new UnreadableDocumentException("damaged .doc: WordDocument stream too short");
        ushort wIdent = U16(wordDocument, 0);
        if (wIdent != WordIdent && wIdent != Word6Ident) throw new UnreadableDocumentException($"damaged .doc: bad FIB identifier 0x{wIdent:X4}");
        ushort nFib = U16(wordDocument, 2);
        ushort flags = U16(wordDocument, 10);
        if (nFib < FirstWord6NFib) throw new UnreadableDocumentException("Word 2.0 or older .doc is not supported");
        bool encrypted = (flags & 0x0100) != 0;
        if (encrypted) throw new UnreadableDocumentException("encrypted Word document (fEncrypted set in its FIB): password needed");
        if (nFib < FirstWord97NFib || wIdent == Word6Ident) return ReadWord6(wordDocument, nFib, flags);

        // FibRgW97 (csw words), FibRgLw97 (cslw dwords), FibRgFcLcb (cbRgFcLcb pairs): sizes are read,
        // not assumed, because later Word versions append to each part.
        int pos = 32;
        int csw = U16(wordDocument, pos); pos += 2 + csw * 2;
        if (pos + 2 > wordDocument.Length) throw Truncated();
        int cslw = U16(wordDocument, pos); pos += 2;
        int rgLw = pos; pos += cslw * 4;
        if (pos + 2 > wordDocument.Length) throw Truncated();
        int cbRgFcLcb = U16(wordDocument, pos); pos += 2;
        int rgFcLcb = pos;
        if (cslw < 4 || cbRgFcLcb < 34 || rgFcLcb + cbRgFcLcb * 8 > wordDocument.Length)
            throw Truncated();

        var fcLcb = wordDocument.Slice(rgFcLcb, cbRgFcLcb * 8);
        int ccpText = (int)U32(wordDocument, rgLw + 12);
        return new Fib
        {
            NFib = nFib,
            FComplex = (flags & 0x0004) != 0,
            FEncrypted = encrypted,
            FWhichTblStm = (flags & 0x0200) != 0,
            FObfuscated = (flags & 0x8000) != 0,
            CcpText = ccpText,
            CcpFtn = Ccp(wordDocument, rgLw, cslw, 4), CcpHdd = Ccp(wordDocument, rgLw, cslw, 5),
            CcpMcr = Ccp(wordDocument, rgLw, cslw, 6), CcpAtn = Ccp(wordDocument, rgLw, cslw, 7),
            CcpEdn = Ccp(wordDocument, rgLw, cslw, 8), CcpTxbx = Ccp(wordDocument, rgLw, cslw, 9),
            FcPlcSpaMom = Pair(fcLcb, cbRgFcLcb, 40, 0), LcbPlcSpaMom = Pair(fcLcb, cbRgFcLcb, 40, 4),
            FcPlcftxbxTxt = Pair(fcLcb, cbRgFcLcb, 56, 0), LcbPlcftxbxTxt = Pair(fcLcb, cbRgFcLcb, 56, 4),
            FcPlcfBteChpx = U32(fcLcb, 12 * 8), LcbPlcfBteChpx = U32(fcLcb, 12 * 8 + 4),
            FcPlcfBtePapx = U32(fcLcb, 13 * 8), LcbPlcfBtePapx = U32(fcLcb, 13 * 8 + 4),
            FcStshf = U32(fcLcb, 1 * 8), LcbStshf = U32(fcLcb, 1 * 8 + 4),
            FcSttbfFfn = U32(fcLcb, 15 * 8), LcbSttbfFfn = U32(fcLcb, 15 * 8 + 4),
            FcClx = U32(fcLcb, 33 * 8), LcbClx = U32(fcLcb, 33 * 8 + 4),
        };
    }

    static Fib ReadWord6(ReadOnlySpan<byte> w, ushort nFib, ushort flags)
    {
        if (Word6FcLcb + Word6Pairs * 8 > w.Length) throw Truncated();
        var fcLcb = w.Slice(Word6FcLcb, Word6Pairs * 8);
        return new Fib
        {
            IsWord6 = true,
            NFib = nFib,
            Lid = U16(w, 6),
            FComplex = (flags & 0x0004) != 0,
            FcMin = U32(w, 0x18), FcMac = U32(w, 0x1C),
            CcpText = Count6(w, 0), CcpFtn = Count6(w, 1), CcpHdd = Count6(w, 2), CcpMcr = Count6(w, 3),
            CcpAtn = Count6(w, 4), CcpEdn = Count6(w, 5), CcpTxbx = Count6(w, 6),
            // Word 6 drew text boxes with other structures (PlcfdoaMom): no PlcSpaMom, no boxes read.
            FcPlcfBteChpx = U32(fcLcb, 12 * 8), LcbPlcfBteChpx = U32(fcLcb, 12 * 8 + 4),
            FcPlcfBtePapx = U32(fcLcb, 13 * 8), LcbPlcfBtePapx = U32(fcLcb, 13 * 8 + 4),
            FcStshf = U32(fcLcb, 1 * 8), LcbStshf = U32(fcLcb, 1 * 8 + 4),
            FcSttbfFfn = U32(fcLcb, 15 * 8), LcbSttbfFfn = U32(fcLcb, 15 * 8 + 4),
            FcClx = U32(fcLcb, 33 * 8), LcbClx = U32(fcLcb, 33 * 8 + 4),
        };
    }

    static int Count6(ReadOnlySpan<byte> w, int index) => Math.Max(0, (int)U32(w, Word6CcpText + index * 4));

    /// <summary>A FibRgLw97 count; 0 when the FIB is too short to hold it or the value is negative.</summary>
    static int Ccp(ReadOnlySpan<byte> b, int rgLw, int cslw, int index) =>
        index < cslw ? Math.Max(0, (int)U32(b, rgLw + index * 4)) : 0;

    /// <summary>fc (part 0) or lcb (part 4) of a FibRgFcLcb pair; 0 when this FIB version has no such pair.</summary>
    static uint Pair(ReadOnlySpan<byte> fcLcb, int cbRgFcLcb, int index, int part) =>
        index < cbRgFcLcb ? U32(fcLcb, index * 8 + part) : 0;

    static UnreadableDocumentException Truncated() => new("damaged .doc: FIB is truncated");

    static ushort U16(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt16LittleEndian(b[at..]);
    static uint U32(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt32LittleEndian(b[at..]);
}
