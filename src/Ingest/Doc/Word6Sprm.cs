using System.Buffers.Binary;

namespace Jixiao.Ingest.Doc;

/// <summary>
/// Word 6.0 / Word 95 property modifiers: a one-byte sprm code and an operand whose size the code
/// alone tells (fixed, or a length byte first; sprmTDefTable has a two-byte length). This reader
/// translates the few it acts on into their Word 97 form (MS-DOC 2.2.5.1), so the rest of the
/// reader sees one grpprl format for both versions.
/// </summary>
internal static class Word6Sprm
{
    const sbyte Var = -1;   // one length byte, then that many bytes
    const sbyte Var2 = -2;  // two length bytes counting one more than follows (sprmTDefTable)

    public const byte PFInTable = 24;
    public const byte PFTtp = 25;
    public const byte PChgTabs = 23;
    public const byte CFStrikeRM = 65;
    public const byte CFVanish = 92;
    public const byte CSymbol = 74;
    public const byte TDefTable = 190;
    public const byte TInsert = 194;
    public const byte TDelete = 195;
    public const byte TMerge = 197;
    public const byte TSplit = 198;

    /// <summary>Size of a Word 6 TC: grf, then four 16-bit BRC10 borders.</summary>
    const int Tc6Size = 10;
    /// <summary>Size of the Word 97 TC80 the translated sprmTDefTable carries.</summary>
    const int Tc80Size = 20;

    /// <summary>Operand size by sprm code (the Word 6 sprm list); codes not listed take a length byte.</summary>
    static readonly sbyte[] Sizes = BuildSizes();

    static sbyte[] BuildSizes()
    {
        var s = new sbyte[256];
        Array.Fill(s, Var);
        void Fix(int from, int to, sbyte size) { for (int i = from; i <= to; i++) s[i] = size; }
        Fix(0, 0, 0);
        Fix(2, 2, 2); Fix(4, 11, 1); Fix(13, 14, 1); Fix(16, 19, 2); Fix(20, 20, 4); Fix(21, 22, 2);
        Fix(24, 25, 1); Fix(26, 28, 2); Fix(29, 29, 1); Fix(30, 36, 2); Fix(37, 37, 1); Fix(38, 43, 2);
        Fix(44, 44, 1); Fix(45, 49, 2); Fix(50, 51, 1); Fix(52, 52, 0);
        Fix(65, 67, 1); Fix(69, 69, 2); Fix(70, 70, 4); Fix(71, 71, 1); Fix(72, 72, 2); Fix(73, 73, 3);
        Fix(75, 75, 1); Fix(80, 80, 2); Fix(83, 83, 0); Fix(85, 92, 1); Fix(93, 93, 2); Fix(94, 94, 1);
        Fix(95, 95, 3); Fix(96, 97, 2); Fix(98, 98, 1); Fix(99, 99, 2); Fix(100, 100, 1); Fix(101, 101, 2);
        Fix(102, 102, 1); Fix(104, 104, 1); Fix(107, 107, 2); Fix(109, 112, 2); Fix(117, 119, 1);
        Fix(121, 124, 2); Fix(131, 132, 1); Fix(136, 137, 3); Fix(138, 139, 1); Fix(140, 141, 2);
        Fix(142, 143, 1); Fix(144, 145, 2); Fix(146, 147, 1); Fix(148, 149, 2); Fix(150, 153, 1);
        Fix(154, 157, 2); Fix(158, 159, 1); Fix(160, 161, 2); Fix(162, 162, 1); Fix(163, 163, 0);
        Fix(164, 171, 2); Fix(182, 184, 2); Fix(185, 186, 1); Fix(187, 187, 12); Fix(189, 189, 2);
        s[TDefTable] = Var2;
        Fix(192, 192, 4); Fix(193, 193, 5); Fix(194, 194, 4); Fix(195, 195, 2); Fix(196, 196, 4);
        Fix(197, 198, 2); Fix(199, 199, 5); Fix(200, 200, 4);
        return s;
    }

    /// <summary>Size of the operand at <paramref name="at"/>, length prefix included; -1 when the grpprl ends too early.</summary>
    public static int OperandSize(byte sprm, ReadOnlySpan<byte> grpprl, int at)
    {
        int size = Sizes[sprm];
        if (size >= 0) return size;
        if (size == Var2)
            return at + 2 > grpprl.Length ? -1 : BinaryPrimitives.ReadUInt16LittleEndian(grpprl[at..]) + 1;
        if (at >= grpprl.Length) return -1;
        if (sprm == PChgTabs && grpprl[at] == 255)
        {
            // As in Word 97: with cb 255 the size follows from the deleted and added tab counts.
            int p = at + 1;
            if (p >= grpprl.Length) return -1;
            p += 1 + grpprl[p] * 4;
            if (p >= grpprl.Length) return -1;
            p += 1 + grpprl[p] * 3;
            return p - at;
        }
        return grpprl[at] + 1;
    }

    /// <summary>
    /// The Word 97 grpprl holding the translation of every sprm of <paramref name="word6"/> this
    /// reader uses, in order; the others are dropped.
    /// </summary>
    public static byte[] ToWord97(ReadOnlySpan<byte> word6)
    {
        var output = new List<byte>(word6.Length + 16);
        AppendWord97(word6, output);
        return output.ToArray();
    }

    /// <summary><see cref="ToWord97"/> appended to <paramref name="output"/>.</summary>
    public static void AppendWord97(ReadOnlySpan<byte> word6, List<byte> output)
    {
        int pos = 0;
        while (pos < word6.Length)
        {
            byte sprm = word6[pos];
            int size = OperandSize(sprm, word6, pos + 1);
            if (size < 0 || pos + 1 + size > word6.Length) break;
            Translate(sprm, word6.Slice(pos + 1, size), output);
            pos += 1 + size;
        }
    }

    static void Translate(byte sprm, ReadOnlySpan<byte> op, List<byte> output)
    {
        switch (sprm)
        {
            case PFInTable: Emit(output, Sprm.PFInTable, op); break;
            case PFTtp: Emit(output, Sprm.PFTtp, op); break;
            case CFStrikeRM: Emit(output, Sprm.CFRMarkDel, op); break;
            case CFVanish: Emit(output, Sprm.CFVanish, op); break;
            case TInsert: Emit(output, Sprm.TInsert, op); break;
            case TDelete: Emit(output, Sprm.TDelete, op); break;
            case TMerge: Emit(output, Sprm.TMerge, op); break;
            case TSplit: Emit(output, Sprm.TSplit, op); break;
            case TDefTable: DefTable(op, output); break;
            case CSymbol when op.Length >= 4:
                // cb, ftc (2 bytes), an 8-bit chSym; Word 97 has a 16-bit xchSym.
                Emit(output, Sprm.CSymbol, stackalloc byte[] { op[1], op[2], op[3], 0 });
                break;
        }
    }

    static void Emit(List<byte> output, ushort sprm, ReadOnlySpan<byte> op)
    {
        output.Add((byte)sprm);
        output.Add((byte)(sprm >> 8));
        foreach (var b in op) output.Add(b);
    }

    /// <summary>
    /// sprmTDefTable: cb, itcMac, rgdxaCenter[itcMac+1], then 10-byte TCs whose grf (fFirstMerged,
    /// fMerged, …, fVertMerge, fVertRestart) has the TC80 bit layout; each TC is widened to 20 bytes.
    /// </summary>
    static void DefTable(ReadOnlySpan<byte> op, List<byte> output)
    {
        if (op.Length < 3) return;
        var body = op[2..];
        int itcMac = body[0];
        int centers = 1 + (itcMac + 1) * 2;
        if (centers > body.Length) return;
        int tcs = Math.Min(itcMac, (body.Length - centers) / Tc6Size);
        int remainder = centers + tcs * Tc80Size;
        output.Add(Sprm.TDefTable & 0xFF);
        output.Add(Sprm.TDefTable >> 8);
        output.Add((byte)(remainder + 1));
        output.Add((byte)((remainder + 1) >> 8));
        foreach (var b in body[..centers]) output.Add(b);
        for (int i = 0; i < tcs; i++)
        {
            var tc = body.Slice(centers + i * Tc6Size, Tc6Size);
            output.Add(tc[0]);
            output.Add(tc[1]);
            for (int k = 2; k < Tc80Size; k++) output.Add(0);
        }
    }
}
