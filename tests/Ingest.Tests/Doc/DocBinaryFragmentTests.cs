using System.Buffers.Binary;
using System.Text;
using Jixiao.Ingest.Doc;

namespace Jixiao.Ingest.Tests.Doc;

/// <summary>Hand-made MS-DOC fragments: a piece table, sprms, a TAP with merged cells.</summary>
public class DocBinaryFragmentTests
{
    /// <summary>A Clx with one Pcdt holding the given pieces (cp limits, fc, compressed flag).</summary>
    static byte[] Clx(params (int cpEnd, uint fc, bool compressed)[] pieces) =>
        Clx(Array.Empty<byte[]>(), pieces.Select(p => (p.cpEnd, p.fc, p.compressed, (ushort)0)).ToArray());

    /// <summary>A Clx with Prc grpprls first, then the Pcdt; each piece with its Prm.</summary>
    static byte[] Clx(byte[][] prcs, (int cpEnd, uint fc, bool compressed, ushort prm)[] pieces)
    {
        var plc = new MemoryStream();
        var w = new BinaryWriter(plc);
        w.Write(0);
        foreach (var p in pieces) w.Write(p.cpEnd);
        foreach (var p in pieces)
        {
            w.Write((ushort)0);
            w.Write(p.compressed ? (p.fc * 2) | 0x40000000u : p.fc);
            w.Write(p.prm);
        }
        var body = plc.ToArray();
        var clx = new MemoryStream();
        foreach (var prc in prcs)
        {
            clx.WriteByte(0x01);
            clx.Write(BitConverter.GetBytes((short)prc.Length));
            clx.Write(prc);
        }
        clx.WriteByte(0x02);
        clx.Write(BitConverter.GetBytes((uint)body.Length));
        clx.Write(body);
        return clx.ToArray();
    }

    [Fact]
    public void Piece_table_joins_a_compressed_cp1252_piece_and_a_utf16_piece()
    {
        var word = new byte[64];
        // Piece 1: 8-bit at byte 10: "Ab" + 0x93 (left double quote in cp1252) + 0x80 (kept as U+0080 by MS-DOC).
        new byte[] { (byte)'A', (byte)'b', 0x93, 0x80 }.CopyTo(word, 10);
        // Piece 2: UTF-16 at byte 20: "中文\r".
        Encoding.Unicode.GetBytes("中文\r").CopyTo(word, 20);
        var table = PieceTable.Read(Clx((4, 10, true), (7, 20, false)));

        var text = new string(table.ReadText(word, 7, CancellationToken.None));

        Assert.Equal("Ab\u201C\u0080中文\r", text);
        // A story in the middle (as the text box story is read) starts inside the first piece.
        Assert.Equal("\u0080中文", new string(table.ReadText(word, 3, 3, CancellationToken.None)));
        Assert.Equal(12, table.FcOf(2));   // compressed: one byte a character
        Assert.Equal(22, table.FcOf(5));   // UTF-16: two bytes a character
        Assert.Equal(-1, table.FcOf(7));
    }

    [Fact]
    public void Piece_table_stops_at_ccpText_and_rejects_pieces_outside_the_stream()
    {
        var word = new byte[16];
        var table = PieceTable.Read(Clx((4, 0, true), (8, 4, true)));
        Assert.Equal(3, table.ReadText(word, 3, CancellationToken.None).Length);

        var outside = PieceTable.Read(Clx((100, 8, false)));
        var e = Assert.Throws<UnreadableDocumentException>(() => outside.ReadText(word, 100, CancellationToken.None));
        Assert.Contains("outside", e.Message);
    }

    [Fact]
    public void Piece_Prm_carries_paragraph_sprms_as_Prm0_or_through_a_Prc()
    {
        // Piece 0: Prm0 isprm 0x18 (sprmPFInTable) val 1. Piece 1: Prm1 pointing at Prc 0 (sprmPFTtp 1).
        ushort prm0 = (0x18 << 1) | (1 << 8);
        ushort prm1 = (0 << 1) | 1;
        var ttp = new byte[] { 0x17, 0x24, 1 };
        var table = PieceTable.Read(Clx(new[] { ttp }, new[] { (2, 0u, true, prm0), (4, 2u, true, prm1) }));

        Assert.True(ParagraphProperties.Read(default, table.PrmGrpprl(0)).FInTable);
        var second = ParagraphProperties.Read(default, table.PrmGrpprl(1));
        Assert.Equal((false, true), (second.FInTable, second.FTtp));
    }

    [Fact]
    public void Piece_table_with_cps_out_of_order_is_damaged()
    {
        Assert.Throws<UnreadableDocumentException>(() => PieceTable.Read(Clx((10, 0, true), (5, 20, true))));
    }

    /// <summary>sprmTDefTable for cells at the given boundaries with TC80.tcgrf flags.</summary>
    internal static byte[] TDefTable(short[] centers, ushort[] tcgrf)
    {
        int itcMac = tcgrf.Length;
        var op = new MemoryStream();
        var w = new BinaryWriter(op);
        w.Write((byte)itcMac);
        foreach (var c in centers) w.Write(c);
        foreach (var g in tcgrf)
        {
            w.Write(g);
            w.Write(new byte[18]);
        }
        var operand = op.ToArray();
        var sprm = new byte[4 + operand.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(sprm, Sprm.TDefTable);
        BinaryPrimitives.WriteUInt16LittleEndian(sprm.AsSpan(2), (ushort)(operand.Length + 1));
        operand.CopyTo(sprm, 4);
        return sprm;
    }

    [Fact]
    public void TDefTable_reads_boundaries_and_merge_flags()
    {
        // Three cells; the second starts a horizontal merge (fFirstMerged), the third continues it
        // (fMerged) and also continues a vertical merge (fVertMerge 0x20).
        var grpprl = TDefTable(new short[] { 0, 1000, 2000, 3000 }, new ushort[] { 0x0040 | 0x0020, 0x0001, 0x0002 });

        var tap = Tap.Read(grpprl, default);

        Assert.Equal(3, tap.ItcMac);
        Assert.Equal(new[] { 0, 1000, 2000, 3000 }, tap.RgdxaCenter);
        Assert.True(tap.Cells[0].FVertRestart);
        Assert.False(tap.Cells[1].FMerged);
        Assert.True(tap.Cells[2].FMerged);
    }

    [Fact]
    public void TVertMerge_and_TMerge_apply_on_top_of_TDefTable()
    {
        var def = TDefTable(new short[] { 0, 500, 1000, 1500 }, new ushort[] { 0, 0, 0 });
        var vert = new byte[] { 0x2B, 0xD6, 2, 1, 3 };   // sprmTVertMerge: cb 2, itc 1, restart
        var merge = new byte[] { 0x24, 0x56, 1, 3 };      // sprmTMerge: itcFirst 1, itcLim 3

        var tap = Tap.Read(def.Concat(vert).Concat(merge).ToArray(), default);

        Assert.True(tap.Cells[1].FVertRestart);
        Assert.Equal(1, tap.Cells[1].HorzMerge);
        Assert.True(tap.Cells[2].FMerged);
    }

    internal static RawRow Row(Tap? tap, params string[] cells)
    {
        var row = new RawRow { Tap = tap };
        foreach (var c in cells)
        {
            var cell = new RawCell();
            cell.Paragraphs.Add(c);
            row.Cells.Add(cell);
        }
        return row;
    }

    [Fact]
    public void Grid_folds_a_horizontally_merged_cell_and_spans_vertical_merges()
    {
        // Row 1: A | B (fFirstMerged) | "" (fMerged)  → A | B[c2]
        // Row 2: C (restart) | D | E
        // Row 3: "" (continue) | F | G               → C gets RowSpan 2 and is not repeated.
        var r1 = Tap.Read(TDefTable(new short[] { 0, 1000, 2000, 3000 }, new ushort[] { 0, 0x0001, 0x0002 }), default);
        var r2 = Tap.Read(TDefTable(new short[] { 0, 1000, 2000, 3000 }, new ushort[] { 0x0060, 0, 0 }), default);
        var r3 = Tap.Read(TDefTable(new short[] { 0, 1000, 2000, 3000 }, new ushort[] { 0x0020, 0, 0 }), default);
        var table = new Table();

        TapGrid.Build(new List<RawRow> { Row(r1, "A", "B", ""), Row(r2, "C", "D", "E"), Row(r3, "", "F", "G") }, table);

        Assert.Equal(new[] { "A", "B" }, table.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(2, table.Rows[0].Cells[1].ColSpan);
        Assert.Equal(("C", 2), (table.Rows[1].Cells[0].Text, table.Rows[1].Cells[0].RowSpan));
        Assert.Equal(new[] { "F", "G" }, table.Rows[2].Cells.Select(c => c.Text));
    }

    [Fact]
    public void Grid_is_the_union_of_all_row_boundaries()
    {
        // Row 1 has one wide cell over the three of row 2; a 2-twip difference is the same line.
        var wide = Tap.Read(TDefTable(new short[] { 0, 3002 }, new ushort[] { 0 }), default);
        var three = Tap.Read(TDefTable(new short[] { 0, 1000, 2000, 3000 }, new ushort[] { 0, 0, 0 }), default);
        var table = new Table();

        TapGrid.Build(new List<RawRow> { Row(wide, "title"), Row(three, "a", "b", "c") }, table);

        Assert.Equal(3, Assert.Single(table.Rows[0].Cells).ColSpan);
        Assert.All(table.Rows[1].Cells, c => Assert.Equal(1, c.ColSpan));
    }

    [Fact]
    public void Sprm_walker_sizes_operands_by_spra_and_stops_at_a_truncated_sprm()
    {
        // sprmPFInTable (1 byte), sprmPItap (4 bytes), then a sprmTDefTable claiming more than is left.
        var grpprl = new byte[] { 0x16, 0x24, 1, 0x49, 0x66, 2, 0, 0, 0, 0x08, 0xD6, 0xFF, 0x00 };
        var seen = new List<ushort>();
        var w = new Sprm.Walker(grpprl);
        while (w.MoveNext()) seen.Add(w.Current);

        Assert.Equal(new ushort[] { Sprm.PFInTable, Sprm.PItap }, seen);
        var props = ParagraphProperties.Read(grpprl, default);
        Assert.Equal((true, 2), (props.FInTable, props.Depth));
    }
}
