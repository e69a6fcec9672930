using System.Buffers.Binary;

namespace Jixiao.Ingest.Doc;

/// <summary>
/// The table-structure part of a paragraph's properties (PAP): whether it is in a table, at which
/// nesting depth (itap), and whether its mark ends a cell or a row (TTP) of that depth.
/// </summary>
internal readonly record struct ParagraphProperties(bool FInTable, bool FTtp, int Itap, bool FInnerTableCell, bool FInnerTtp)
{
    /// <summary>Nesting depth: sprmPItap when written (Word 2000+), else 1 for any in-table paragraph.</summary>
    public int Depth => Itap > 0 ? Itap : FInTable ? 1 : 0;

    /// <summary>Reads the PAPX grpprl, then the piece's Prm grpprl, which overrides it (MS-DOC 2.4.6.1).</summary>
    public static ParagraphProperties Read(ReadOnlySpan<byte> papxGrpprl, ReadOnlySpan<byte> prmGrpprl)
    {
        var p = default(ParagraphProperties);
        p = Apply(p, papxGrpprl);
        return Apply(p, prmGrpprl);
    }

    static ParagraphProperties Apply(ParagraphProperties p, ReadOnlySpan<byte> grpprl)
    {
        var w = new Sprm.Walker(grpprl);
        while (w.MoveNext())
        {
            var op = w.Operand;
            switch (w.Current)
            {
                case Sprm.PFInTable: p = p with { FInTable = op[0] != 0 }; break;
                case Sprm.PFTtp: p = p with { FTtp = op[0] != 0 }; break;
                case Sprm.PFInnerTableCell: p = p with { FInnerTableCell = op[0] != 0 }; break;
                case Sprm.PFInnerTtp: p = p with { FInnerTtp = op[0] != 0 }; break;
                case Sprm.PItap: p = p with { Itap = Math.Clamp(BinaryPrimitives.ReadInt32LittleEndian(op), 0, 64) }; break;
            }
        }
        return p;
    }
}
