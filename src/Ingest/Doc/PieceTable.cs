using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Jixiao.Ingest.Doc;

/// <summary>
/// The Clx (MS-DOC 2.9.38): the Prc list of property grpprls and the PlcPcd piece table that maps
/// character positions (CP) to file offsets (FC) in the WordDocument stream. Every .doc since
/// Word 97 has one; fast-saved files spread text over many, unordered pieces. Word 6/95 files have
/// one only when fast-saved.
/// </summary>
internal sealed class PieceTable
{
    /// <summary>
    /// A piece descriptor (Pcd, MS-DOC 2.9.177): CPs [CpStart, CpEnd) are stored from byte
    /// <see cref="ByteOffset"/> of the WordDocument stream, in 8-bit or UTF-16 characters.
    /// </summary>
    internal readonly record struct Pcd(int CpStart, int CpEnd, long ByteOffset, bool Is8Bit, ushort Prm)
    {
        public int BytesPerChar => Is8Bit ? 1 : 2;
    }

    readonly Pcd[] _pieces;
    readonly List<byte[]> _grpprls;
    /// <summary>Word 6/95: the code page of all 8-bit text; null for Word 97, whose 8-bit text is Windows-1252-like.</summary>
    readonly AnsiText? _ansi;

    PieceTable(Pcd[] pieces, List<byte[]> grpprls, AnsiText? ansi = null)
    {
        _pieces = pieces;
        _grpprls = grpprls;
        _ansi = ansi;
    }

    public IReadOnlyList<Pcd> Pieces => _pieces;

    /// <summary>Characters the pieces cover (all stories, not only the main text).</summary>
    public int CpLimit => _pieces.Length == 0 ? 0 : _pieces[^1].CpEnd;

    /// <summary>The Clx of a Word 97 or later file.</summary>
    public static PieceTable Read(ReadOnlySpan<byte> clx) => Read(clx, null);

    /// <summary>
    /// The Clx of a fast-saved Word 6/95 file: the same structures, but every piece is 8-bit text
    /// in <paramref name="ansi"/>'s code page at a plain byte offset, and the Prc grpprls hold
    /// Word 6 sprms (translated here to their Word 97 form).
    /// </summary>
    public static PieceTable ReadWord6(ReadOnlySpan<byte> clx, AnsiText ansi) => Read(clx, ansi);

    /// <summary>A Word 6/95 file saved in full: its text is one 8-bit run from fcMin to fcMac.</summary>
    public static PieceTable SinglePiece(long fcMin, int ccp, AnsiText ansi) =>
        new(new[] { new Pcd(0, ccp, fcMin, true, 0) }, new List<byte[]>(), ansi);

    static PieceTable Read(ReadOnlySpan<byte> clx, AnsiText? ansi)
    {
        var grpprls = new List<byte[]>();
        int pos = 0;
        while (pos < clx.Length && clx[pos] == 0x01)
        {
            // Prc: clxt 0x01, cbGrpprl (signed 16-bit), grpprl.
            if (pos + 3 > clx.Length) throw Damaged("Prc is truncated");
            int cb = BinaryPrimitives.ReadInt16LittleEndian(clx[(pos + 1)..]);
            if (cb < 0 || pos + 3 + cb > clx.Length) throw Damaged("Prc size out of range");
            var grpprl = clx.Slice(pos + 3, cb);
            grpprls.Add(ansi is null ? grpprl.ToArray() : Word6Sprm.ToWord97(grpprl));
            pos += 3 + cb;
        }
        if (pos + 5 > clx.Length || clx[pos] != 0x02) throw Damaged("no Pcdt in the Clx");
        uint lcb = BinaryPrimitives.ReadUInt32LittleEndian(clx[(pos + 1)..]);
        pos += 5;
        if (lcb < 4 || lcb > clx.Length - pos) throw Damaged("PlcPcd size out of range");
        var plc = clx.Slice(pos, (int)lcb);
        int n = ((int)lcb - 4) / 12;
        var pieces = new Pcd[n];
        for (int i = 0; i < n; i++)
        {
            int cpStart = BinaryPrimitives.ReadInt32LittleEndian(plc[(i * 4)..]);
            int cpEnd = BinaryPrimitives.ReadInt32LittleEndian(plc[((i + 1) * 4)..]);
            if (cpStart < 0 || cpEnd < cpStart || i > 0 && cpStart != pieces[i - 1].CpEnd) throw Damaged("piece CPs out of order");
            var pcd = plc.Slice((n + 1) * 4 + i * 8, 8);
            uint fc = BinaryPrimitives.ReadUInt32LittleEndian(pcd[2..]);
            ushort prm = BinaryPrimitives.ReadUInt16LittleEndian(pcd[6..]);
            // FcCompressed: bit 30 marks 8-bit text, whose byte offset is stored doubled. Word 6 has only 8-bit text.
            bool compressed = ansi is not null || (fc & 0x40000000) != 0;
            long offset = ansi is not null ? fc : compressed ? (fc & 0x3FFFFFFF) / 2 : fc & 0x3FFFFFFF;
            pieces[i] = new Pcd(cpStart, cpEnd, offset, compressed, prm);
        }
        return new PieceTable(pieces, grpprls, ansi);
    }

    /// <summary>Decodes CPs [0, <paramref name="ccp"/>) into one char array (one allocation for the whole text).</summary>
    public char[] ReadText(ReadOnlySpan<byte> wordDocument, int ccp, CancellationToken cancel) =>
        ReadText(wordDocument, 0, ccp, cancel);

    /// <summary>Decodes CPs [<paramref name="cpStart"/>, <paramref name="cpStart"/> + <paramref name="count"/>) of a story.</summary>
    public char[] ReadText(ReadOnlySpan<byte> wordDocument, int cpStart, int count, CancellationToken cancel)
    {
        int cpEnd = (int)Math.Clamp((long)cpStart + Math.Max(0, count), 0, CpLimit);
        cpStart = Math.Clamp(cpStart, 0, cpEnd);
        // Every character is written below; only what no piece covers (a damaged table) is cleared.
        var text = GC.AllocateUninitializedArray<char>(cpEnd - cpStart);
        int written = 0;
        for (int i = Math.Max(0, PieceAt(cpStart)); i < _pieces.Length; i++)
        {
            cancel.ThrowIfCancellationRequested();
            var p = _pieces[i];
            if (p.CpStart >= cpEnd) break;
            int from = Math.Max(p.CpStart, cpStart), to = Math.Min(p.CpEnd, cpEnd);
            if (to <= from) continue;
            long start = p.ByteOffset + (long)(from - p.CpStart) * p.BytesPerChar;
            int n = to - from;
            if (start + (long)n * p.BytesPerChar > wordDocument.Length) throw Damaged("piece lies outside the WordDocument stream");
            var dest = text.AsSpan(from - cpStart, n);
            if (from - cpStart > written) text.AsSpan(written, from - cpStart - written).Clear();
            written = Math.Max(written, to - cpStart);
            var src = wordDocument.Slice((int)start, n * p.BytesPerChar);
            if (p.Is8Bit && _ansi is not null)
                _ansi.Decode(src, dest);
            else if (p.Is8Bit)
                DecodeCompressed(src, dest);
            else if (BitConverter.IsLittleEndian)
                MemoryMarshal.Cast<byte, char>(src).CopyTo(dest);
            else
                for (int k = 0; k < n; k++) dest[k] = (char)BinaryPrimitives.ReadUInt16LittleEndian(src[(k * 2)..]);
        }
        if (written < text.Length) text.AsSpan(written).Clear();
        return text;
    }

    /// <summary>Index of the piece holding <paramref name="cp"/>, or -1.</summary>
    public int PieceAt(int cp)
    {
        // The reader asks for every character in turn: the piece of the last answer holds it nearly always.
        // Pieces are contiguous (checked when read), so the piece holding cp is unique and the shortcut exact.
        int last = _lastPiece;
        if ((uint)last < (uint)_pieces.Length && cp >= _pieces[last].CpStart && cp < _pieces[last].CpEnd) return last;
        int lo = 0, hi = _pieces.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (cp < _pieces[mid].CpStart) hi = mid - 1;
            else if (cp >= _pieces[mid].CpEnd) lo = mid + 1;
            else return _lastPiece = mid;
        }
        return -1;
    }

    /// <summary>The piece <see cref="PieceAt"/> found last (any value is checked before use).</summary>
    int _lastPiece;

    /// <summary>The stream offset (FC) of character <paramref name="cp"/>, or -1.</summary>
    public long FcOf(int cp) => FcOf(cp, out _);

    /// <summary><see cref="FcOf(int)"/>, and the piece holding <paramref name="cp"/> (-1 when none).</summary>
    public long FcOf(int cp, out int piece)
    {
        piece = PieceAt(cp);
        if (piece < 0) return -1;
        var p = _pieces[piece];
        return p.ByteOffset + (long)(cp - p.CpStart) * p.BytesPerChar;
    }

    /// <summary>What <see cref="PrmGrpprl"/> of a piece depends on: its Prm (-1 for no piece).</summary>
    public int PrmOf(int pieceIndex) => pieceIndex < 0 ? -1 : _pieces[pieceIndex].Prm;

    /// <summary>
    /// The grpprl a piece's Prm applies to its text: for Prm1 the Prc it indexes; for Prm0 its single
    /// sprm, when it is one this reader uses (MS-DOC 2.9.215: isprm 0x18 sprmPFInTable, 0x19 sprmPFTtp,
    /// 0x41 sprmCFRMarkDel, 0x5C sprmCFVanish).
    /// </summary>
    public ReadOnlySpan<byte> PrmGrpprl(int pieceIndex)
    {
        if (pieceIndex < 0) return default;
        ushort prm = _pieces[pieceIndex].Prm;
        if ((prm & 1) == 0) return Prm0Grpprl(prm);
        int igrpprl = prm >> 1;
        return igrpprl < _grpprls.Count ? _grpprls[igrpprl] : default;
    }

    static ReadOnlySpan<byte> Prm0Grpprl(ushort prm)
    {
        int isprm = (prm >> 1) & 0x7F;
        byte val = (byte)(prm >> 8);
        if (val == 0 && isprm == 0) return default;
        int index = isprm switch { 0x18 => 0, 0x19 => 1, 0x41 => 2, 0x5C => 3, _ => -1 };
        if (index < 0) return default;
        // One preallocated sprm per (isprm, val) pair keeps this allocation-free.
        return Prm0Table.AsSpan((index * 256 + val) * 3, 3);
    }

    static readonly byte[] Prm0Table = BuildPrm0Table();

    static byte[] BuildPrm0Table()
    {
        ushort[] sprms = { Sprm.PFInTable, Sprm.PFTtp, Sprm.CFRMarkDel, Sprm.CFVanish };
        var table = new byte[sprms.Length * 256 * 3];
        for (int i = 0; i < sprms.Length; i++)
            for (int v = 0; v < 256; v++)
            {
                int at = (i * 256 + v) * 3;
                BinaryPrimitives.WriteUInt16LittleEndian(table.AsSpan(at), sprms[i]);
                table[at + 2] = (byte)v;
            }
        return table;
    }

    /// <summary>
    /// 8-bit text in compressed pieces is Latin-1 except 0x82..0x9F, which MS-DOC 2.9.73 maps as
    /// Windows-1252 does: decoded as Latin-1 in one (vectorised) call, then those few characters replaced.
    /// </summary>
    static void DecodeCompressed(ReadOnlySpan<byte> src, Span<char> dest)
    {
        Encoding.Latin1.GetChars(src, dest);
        for (int k = dest.IndexOfAnyInRange('\u0082', '\u009F'); k >= 0;)
        {
            dest[k] = Compressed[dest[k]];
            int next = dest[(k + 1)..].IndexOfAnyInRange('\u0082', '\u009F');
            k = next < 0 ? -1 : k + 1 + next;
        }
    }

    static readonly char[] Compressed = BuildCompressedMap();

    static char[] BuildCompressedMap()
    {
        var map = new char[256];
        for (int i = 0; i < 256; i++) map[i] = (char)i;
        const string c1 = "\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090"
                        + "\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";
        for (int i = 0; i < c1.Length; i++) map[0x82 + i] = c1[i];
        return map;
    }

    static UnreadableDocumentException Damaged(string why) => new("damaged .doc: " + why);
}
