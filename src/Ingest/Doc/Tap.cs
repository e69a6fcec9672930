using System.Buffers.Binary;

namespace Jixiao.Ingest.Doc;

/// <summary>
/// The table properties of one row (TAP) as far as the grid needs them: cell boundaries
/// (rgdxaCenter, in twips) and each cell's merge flags. Built by applying the row-end paragraph's
/// table sprms in order: sprmTDefTable, then sprmTVertMerge / sprmTMerge / sprmTSplit /
/// sprmTInsert / sprmTDelete, which later Word versions and fast saves add on top.
/// </summary>
internal sealed class Tap
{
    /// <summary>Word allows at most 63 cells in a row.</summary>
    const int MaxCells = 63;

    public List<int> RgdxaCenter { get; } = new();
    public List<Tc> Cells { get; } = new();
    public bool HasDefinition { get; private set; }

    public int ItcMac => Cells.Count;

    /// <summary>Merge flags of a cell (from TC80.tcgrf / TCGRF, MS-DOC 2.9.328).</summary>
    internal struct Tc
    {
        /// <summary>horzMerge: 0 none, 1 first cell of a horizontal merge, 2/3 merged into the previous cell.</summary>
        public int HorzMerge;
        /// <summary>vertMerge: 0 none, 1 continues the merge above (fVertMerge), 3 starts one (fVertRestart).</summary>
        public int VertMerge;

        public readonly bool FMerged => HorzMerge >= 2;
        public readonly bool FVertMerge => VertMerge != 0;
        public readonly bool FVertRestart => VertMerge == 3 || VertMerge == 2;
    }

    public static Tap Read(ReadOnlySpan<byte> papxGrpprl, ReadOnlySpan<byte> prmGrpprl)
    {
        var tap = new Tap();
        tap.Apply(papxGrpprl);
        tap.Apply(prmGrpprl);
        return tap;
    }

    public void Apply(ReadOnlySpan<byte> grpprl)
    {
        var w = new Sprm.Walker(grpprl);
        while (w.MoveNext())
        {
            var op = w.Operand;
            switch (w.Current)
            {
                case Sprm.TDefTable: DefTable(op[2..]); break;
                case Sprm.TVertMerge when op.Length >= 3:
                    if (op[1] < Cells.Count) SetVert(op[1], op[2]);
                    break;
                case Sprm.TMerge: Merge(op[0], op[1], true); break;
                case Sprm.TSplit: Merge(op[0], op[1], false); break;
                case Sprm.TInsert: Insert(op[0], op[1], BinaryPrimitives.ReadInt16LittleEndian(op[2..])); break;
                case Sprm.TDelete: Delete(op[0], op[1]); break;
            }
        }
    }

    void SetVert(int itc, int flag)
    {
        var tc = Cells[itc];
        tc.VertMerge = flag & 3;
        Cells[itc] = tc;
    }

    /// <summary>TDefTableOperand: itcMac, rgdxaCenter[itcMac+1], rgTc80[itcMac] (the TC array may be cut short).</summary>
    void DefTable(ReadOnlySpan<byte> op)
    {
        if (op.Length < 1) return;
        int itcMac = Math.Min((int)op[0], MaxCells);
        if (1 + (itcMac + 1) * 2 > op.Length) itcMac = Math.Max(0, (op.Length - 1) / 2 - 1);
        RgdxaCenter.Clear();
        Cells.Clear();
        HasDefinition = true;
        for (int i = 0; i <= itcMac; i++) RgdxaCenter.Add(BinaryPrimitives.ReadInt16LittleEndian(op[(1 + i * 2)..]));
        int tcStart = 1 + (itcMac + 1) * 2;
        for (int i = 0; i < itcMac; i++)
        {
            var tc = new Tc();
            int at = tcStart + i * 20;
            if (at + 2 <= op.Length)
            {
                ushort grf = BinaryPrimitives.ReadUInt16LittleEndian(op[at..]);
                tc.HorzMerge = grf & 3;
                tc.VertMerge = (grf >> 5) & 3;
            }
            Cells.Add(tc);
        }
    }

    void Merge(int first, int lim, bool merge)
    {
        lim = Math.Min(lim, Cells.Count);
        for (int i = first; i < lim; i++)
        {
            var tc = Cells[i];
            tc.HorzMerge = !merge ? 0 : i == first ? 1 : 2;
            Cells[i] = tc;
        }
    }

    void Insert(int itc, int ctc, int dxaCol)
    {
        if (itc > Cells.Count || RgdxaCenter.Count == 0 || Cells.Count + ctc > MaxCells) return;
        for (int i = 0; i < ctc; i++)
        {
            Cells.Insert(itc, new Tc());
            RgdxaCenter.Insert(itc + 1, RgdxaCenter[itc] + dxaCol * (i + 1));
        }
        for (int i = itc + ctc + 1; i < RgdxaCenter.Count; i++) RgdxaCenter[i] += ctc * dxaCol;
    }

    void Delete(int first, int lim)
    {
        lim = Math.Min(lim, Cells.Count);
        if (first >= lim) return;
        int width = RgdxaCenter[lim] - RgdxaCenter[first];
        Cells.RemoveRange(first, lim - first);
        RgdxaCenter.RemoveRange(first + 1, lim - first);
        for (int i = first + 1; i < RgdxaCenter.Count; i++) RgdxaCenter[i] -= width;
    }
}
