using System.Buffers.Binary;

namespace Jixiao.Ingest.Doc;

/// <summary>Single property modifiers (MS-DOC 2.2.5.1) this reader acts on, and a walker over a grpprl.</summary>
internal static class Sprm
{
    public const ushort PFInTable = 0x2416;
    public const ushort PFTtp = 0x2417;
    public const ushort PItap = 0x6649;
    public const ushort PFInnerTableCell = 0x244B;
    public const ushort PFInnerTtp = 0x244C;
    public const ushort PChgTabs = 0xC615;
    public const ushort PHugePapx = 0x6646;
    public const ushort TDefTable = 0xD608;
    public const ushort TVertMerge = 0xD62B;
    public const ushort TMerge = 0x5624;
    public const ushort TSplit = 0x5625;
    public const ushort TInsert = 0x7621;
    public const ushort TDelete = 0x5622;
    public const ushort CFSpec = 0x0855;
    public const ushort CFRMarkDel = 0x0800;
    public const ushort CFVanish = 0x083C;
    public const ushort CPicLocation = 0x6A03;
    public const ushort CSymbol = 0x6A09;

    /// <summary>
    /// Size of the operand starting at <paramref name="at"/> including any length prefix, from the
    /// spra bits (MS-DOC 2.2.5.1); -1 when the grpprl ends too early.
    /// </summary>
    public static int OperandSize(ushort sprm, ReadOnlySpan<byte> grpprl, int at)
    {
        switch (sprm >> 13)
        {
            case 0: case 1: return 1;
            case 2: case 4: case 5: return 2;
            case 3: return 4;
            case 7: return 3;
        }
        if (at >= grpprl.Length) return -1;
        if (sprm == TDefTable)
        {
            // The only sprm with a two-byte length; it counts one byte more than follows it.
            if (at + 2 > grpprl.Length) return -1;
            return BinaryPrimitives.ReadUInt16LittleEndian(grpprl[at..]) + 1;
        }
        if (sprm == PChgTabs && grpprl[at] == 255)
        {
            // PChgTabsOperand with cb 255: size follows from the two tab counts (MS-DOC 2.9.185).
            int p = at + 1;
            if (p >= grpprl.Length) return -1;
            int del = grpprl[p];
            p += 1 + del * 4;
            if (p >= grpprl.Length) return -1;
            int add = grpprl[p];
            p += 1 + add * 3;
            return p - at;
        }
        return grpprl[at] + 1;
    }

    /// <summary>Walks a grpprl: each step yields the sprm and its operand (length prefix included for variable sprms).</summary>
    public ref struct Walker
    {
        readonly ReadOnlySpan<byte> _grpprl;
        int _pos;

        public Walker(ReadOnlySpan<byte> grpprl)
        {
            _grpprl = grpprl;
            _pos = 0;
        }

        public ushort Current { get; private set; }
        public ReadOnlySpan<byte> Operand { get; private set; }

        public bool MoveNext()
        {
            if (_pos + 2 > _grpprl.Length) return false;
            Current = BinaryPrimitives.ReadUInt16LittleEndian(_grpprl[_pos..]);
            int size = OperandSize(Current, _grpprl, _pos + 2);
            if (size < 0 || _pos + 2 + size > _grpprl.Length) return false;
            Operand = _grpprl.Slice(_pos + 2, size);
            _pos += 2 + size;
            return true;
        }
    }
}
