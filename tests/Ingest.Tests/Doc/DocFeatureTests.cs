using Jixiao.Ingest.Doc;
using Jixiao.Tests;

namespace Jixiao.Ingest.Tests.Doc;

/// <summary>
/// One test per .doc feature, each on a real Word-written file from doc-wild: nested table,
/// vertical merge, horizontal merge, fast save, encryption, Word 6/95.
/// </summary>
public class DocFeatureTests
{
    static SourceDocument Parse(string file) => DocCorpusTests.Parse("doc-wild", file);

    static Fib FibOf(string file, out CompoundFile compound, out byte[] wordDocument)
    {
        compound = new CompoundFile(File.ReadAllBytes(Corpus.File("doc-wild", file)));
        wordDocument = compound.ReadStream("WordDocument")!;
        return Fib.Read(wordDocument);
    }

    [Fact]
    public void Nested_table_follows_its_outer_table()
    {
        var doc = Parse("innertable.doc");

        var tables = doc.Tables.ToList();
        Assert.Equal(2, tables.Count);
        Assert.Equal((1, 3), (tables[0].Depth, tables[0].Rows.Count));
        Assert.Equal(new[] { "D", "E\nF", "G" }, tables[0].Rows[1].Cells.Select(c => c.Text));
        Assert.Equal(2, tables[1].Depth);
        Assert.Equal(new[] { "1", "2", "3", "4" }, tables[1].Rows.SelectMany(r => r.Cells).Select(c => c.Text));
        // The inner table comes right after its outer table.
        Assert.Same(tables[1], doc.Blocks[doc.Blocks.IndexOf(tables[0]) + 1]);
    }

    [Fact]
    public void Vertical_merge_spans_rows()
    {
        var doc = Parse("AIOOB-Tap.doc");

        var table = doc.Tables.First(t => t.Rows.Any(r => r.Cells.Count == 3 && r.Cells[0].Text == "BNBA004"));
        int row = table.Rows.FindIndex(r => r.Cells[0].Text == "BNBA004");
        var merged = table.Rows[row].Cells[2];
        Assert.StartsWith("- NBK102\n- NAS225", merged.Text);
        Assert.Equal(4, merged.RowSpan);
        // The next three rows start under the merged cell: only code and name.
        Assert.Equal(new[] { "BNBA005", "Afwijzing één bezwaar" }, table.Rows[row + 1].Cells.Select(c => c.Text));

        var settings = doc.Tables.First(t => t.Rows.Count > 0 && t.Rows[0].Cells[0].Text == "Belastingmiddel");
        Assert.Equal(2, settings.Rows[0].Cells[0].RowSpan);
        Assert.Equal(("Papiersoort", 3), (settings.Rows[3].Cells[0].Text, settings.Rows[3].Cells[0].RowSpan));
    }

    [Fact]
    public void Horizontal_merge_folds_merged_cells_into_the_first()
    {
        // Word 95: the title row has 14 cells, all but the first flagged fMerged; the header row
        // merges its 14 cells into 5 (TC fFirstMerged / fMerged), each keeping one text.
        var doc = Parse("Bug49933.doc");

        var table = doc.Tables.First();
        Assert.Equal(21, table.Rows.Count);
        var title = table.Rows[0].Cells;
        Assert.Equal(3, title.Count);
        Assert.Equal(("ВИНА ОРДИНАРНЫЕ БЕЛЫЕ", 5), (title[1].Text, title[1].ColSpan));
        Assert.Equal(("", ""), (title[0].Text, title[2].Text));
        var header = table.Rows[1].Cells;
        Assert.Equal(new[] { "  Наименование\n      продукции", "Изготовитель", "Тип бутылки", "Объем", "Цена (руб.)" }, header.Select(c => c.Text));
        Assert.Equal(new[] { 2, 1, 1, 1, 2 }, header.Select(c => c.ColSpan));
        Assert.All(table.Rows, r => Assert.Equal(7, r.Cells.Sum(c => c.ColSpan)));
    }

    [Fact]
    public void Fast_saved_file_reads_its_text_through_the_piece_table()
    {
        // rasp.doc was fast-saved by Word 97 (fComplex): the text is spread over several pieces.
        var fib = FibOf("rasp.doc", out var compound, out _);
        Assert.True(fib.FComplex);
        var table = compound.ReadStream(fib.TableStreamName)!;
        var pieces = PieceTable.Read(table.AsSpan((int)fib.FcClx, (int)fib.LcbClx));
        Assert.True(pieces.Pieces.Count > 1, $"{pieces.Pieces.Count} piece(s)");

        var doc = Parse("rasp.doc");
        Assert.Equal("Распоряжение на выдачу информации из реестра", doc.Paragraphs.First().Text.Trim());
        var tables = doc.Tables.ToList();
        Assert.Equal(2, tables.Count);
        var row = Assert.Single(tables[1].Rows);
        Assert.Equal(new[] { "Блокировка ценных \nбумаг на лицевом\nсчете осуществлена\n", "\n\n\n" }, row.Cells.Select(c => c.Text));
    }

    [Theory]
    [InlineData("PasswordProtected.doc")]
    [InlineData("password_password_cryptoapi.doc")]
    public void Encrypted_file_gives_a_one_line_reason(string file)
    {
        const string reason = "encrypted Word document (fEncrypted set in its FIB): password needed";
        var e = Assert.Throws<UnreadableDocumentException>(() => Parse(file));
        Assert.Equal(reason, e.Message);

        var result = DocumentReader.Read(Corpus.File("doc-wild", file));
        Assert.Equal($"{file}: doc: {reason}", result.Error?.ToString());
    }

    [Fact]
    public void Word6_file_without_piece_table_reads_its_text()
    {
        var fib = FibOf("Word6.doc", out _, out _);
        Assert.True(fib.IsWord6);
        Assert.False(fib.FComplex);

        var doc = Parse("Word6.doc");
        var paragraph = Assert.Single(doc.Blocks);
        Assert.Equal("The quick brown fox jumps over the lazy dog", Assert.IsType<Paragraph>(paragraph).Text);
    }

    [Fact]
    public void Word95_fast_saved_Russian_text_decodes_in_cp1251()
    {
        // nFib 104, lid 0x0419 (Russian), fComplex: a Clx of 8-bit pieces in Windows-1251.
        var fib = FibOf("Bug50955.doc", out _, out _);
        Assert.True(fib.IsWord6 && fib.FComplex);
        Assert.Equal(0x0419, fib.Lid);

        var doc = Parse("Bug50955.doc");
        Assert.Equal(new[] { "ОПЕРАЦИЯ \"ХАОС\"", "Пол АНДЕРСОН" }, doc.Blocks.Take(2).Cast<Paragraph>().Select(p => p.Text));
        var cells = Assert.Single(Assert.Single(doc.Tables).Rows).Cells;
        Assert.Equal("\n\nONLINE БИБЛИОТЕКА \n\n\nhttp://www.bestlibrary.ru", cells[1].Text);
        Assert.Equal("     Если вы существуете - привет!", ((Paragraph)doc.Blocks[4]).Text);
    }

    [Fact]
    public void Word6_fast_saved_table_keeps_field_results()
    {
        var doc = Parse("Bug60942.doc");

        var table = Assert.Single(doc.Tables);
        Assert.Equal(11, table.Rows.Count);
        Assert.Equal(new[] { "DATE :\nDate", "12/12/97" }, table.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(new[] { "ORGANISME :\nCompany", "Société APPLICOLOR\n" }, table.Rows[4].Cells.Select(c => c.Text));
        Assert.Equal(new[] { "DE LA PART DE  :\nFrom", "Guy LECOLE" }, table.Rows[10].Cells.Select(c => c.Text));
    }
}
