using System.Buffers.Binary;
using System.Text;
using Jixiao.Ingest.Doc;

namespace Jixiao.Ingest.Tests.Doc;

/// <summary>Hand-made Word 6/95 fragments: one-byte sprms and 8-bit text in a document code page.</summary>
public class Word6FragmentTests
{
    [Fact]
    public void Word6_table_sprms_translate_to_their_Word97_form()
    {
        // sprmPJc (5, ignored), sprmPFInTable, sprmPTtp, sprmTDefTable with 2 cells (10-byte TCs,
        // the second fMerged), then sprmTDxaGapHalf (184, ignored).
        var tdef = new List<byte> { 2 };
        foreach (short x in new short[] { 0, 1000, 2500 }) tdef.AddRange(BitConverter.GetBytes(x));
        tdef.AddRange(new byte[] { 1, 0, 0, 0, 0, 0, 0, 0, 0, 0 });
        tdef.AddRange(new byte[] { 2, 0, 0, 0, 0, 0, 0, 0, 0, 0 });
        var word6 = new List<byte> { 5, 1, 24, 1, 25, 1, 190 };
        word6.AddRange(BitConverter.GetBytes((ushort)(tdef.Count + 1)));
        word6.AddRange(tdef);
        word6.AddRange(new byte[] { 184, 0x69, 0 });

        var grpprl = Word6Sprm.ToWord97(word6.ToArray());

        var props = ParagraphProperties.Read(grpprl, default);
        Assert.True(props.FInTable && props.FTtp);
        var tap = Tap.Read(grpprl, default);
        Assert.Equal(new[] { 0, 1000, 2500 }, tap.RgdxaCenter);
        Assert.Equal(new[] { 1, 2 }, tap.Cells.Select(c => c.HorzMerge));
    }

    [Fact]
    public void Word6_sprm_sizes_skip_variable_operands_and_stop_at_a_truncated_one()
    {
        // sprmPChgTabs (23, length byte 2), sprmCFVanish (92), then sprmCFStrikeRM (65) cut short.
        var grpprl = Word6Sprm.ToWord97(new byte[] { 23, 2, 9, 9, 92, 1, 65 });
        var w = new Sprm.Walker(grpprl);
        Assert.True(w.MoveNext());
        Assert.Equal((Sprm.CFVanish, (byte)1), (w.Current, w.Operand[0]));
        Assert.False(w.MoveNext());
    }

    [Fact]
    public void Word6_symbol_sprm_widens_its_character()
    {
        // sprmCSymbol (74): cb 3, ftc 1, chSym 0xA8.
        var w = new Sprm.Walker(Word6Sprm.ToWord97(new byte[] { 74, 3, 1, 0, 0xA8 }));
        Assert.True(w.MoveNext());
        Assert.Equal(Sprm.CSymbol, w.Current);
        Assert.Equal(new byte[] { 1, 0, 0xA8, 0 }, w.Operand.ToArray());
    }

    [Fact]
    public void Double_byte_code_page_gives_one_char_per_lead_byte()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding(936).GetBytes("绩效A表");
        var text = new char[gbk.Length];

        AnsiText.For(AnsiText.CodePageOf(0x0804, Array.Empty<int>())).Decode(gbk, text);

        Assert.Equal("绩\0效\0A表\0", new string(text));
    }

    [Theory]
    [InlineData(0x0804, new int[0], 936)]
    [InlineData(0x0404, new int[0], 950)]
    [InlineData(0x0419, new int[0], 1251)]
    [InlineData(0x0409, new[] { 0, 2, 204 }, 1251)]
    [InlineData(0x0409, new[] { 0, 2 }, 1252)]
    [InlineData(0x040C, new[] { 134 }, 936)]
    public void Code_page_follows_the_language_then_the_fonts(int lid, int[] charsets, int codePage) =>
        Assert.Equal(codePage, AnsiText.CodePageOf(lid, charsets));

    [Fact]
    public void Word2_and_older_files_give_a_one_line_reason()
    {
        var compound = new CompoundFile(File.ReadAllBytes(Jixiao.Tests.Corpus.File("doc-wild", "Word6.doc")));
        var wordDocument = compound.ReadStream("WordDocument")!;
        BinaryPrimitives.WriteUInt16LittleEndian(wordDocument.AsSpan(2), 45); // Word 2.0's nFib

        var e = Assert.Throws<UnreadableDocumentException>(() => Fib.Read(wordDocument));
        Assert.Equal("Word 2.0 or older .doc is not supported", e.Message);
    }

    [Fact]
    public void Word6_piece_table_pieces_are_8_bit_at_plain_offsets()
    {
        // One piece, CPs [0, 3) at byte 4 (no FcCompressed bit in Word 6), text in cp1251.
        var clx = new byte[1 + 4 + 16];
        clx[0] = 0x02;
        BinaryPrimitives.WriteUInt32LittleEndian(clx.AsSpan(1), 16);
        BinaryPrimitives.WriteInt32LittleEndian(clx.AsSpan(5), 0);
        BinaryPrimitives.WriteInt32LittleEndian(clx.AsSpan(9), 3);
        BinaryPrimitives.WriteUInt32LittleEndian(clx.AsSpan(15), 4);
        var stream = new byte[] { 0, 0, 0, 0, 0xC4, 0xE0, 0x21 };

        var pieces = PieceTable.ReadWord6(clx, AnsiText.For(1251));

        Assert.Equal("Да!", new string(pieces.ReadText(stream, 3, CancellationToken.None)));
        Assert.Equal(5, pieces.FcOf(1));
    }
}
