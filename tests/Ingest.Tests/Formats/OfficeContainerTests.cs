using System.Buffers.Binary;
using System.Text.RegularExpressions;
using Jixiao.Ingest.Doc;
using Jixiao.Tests;

namespace Jixiao.Ingest.Tests.Formats;

/// <summary>
/// OLE2 containers as offices save them, built here from real streams (a LibreOffice-written workbook,
/// a Word-written .doc) because no such files can be committed: a workbook carrying a Word attachment
/// in a sub-storage, a Microsoft Works document, an encrypted package, truncated files, Kingsoft names.
/// </summary>
public class OfficeContainerTests
{
    static readonly string Workbook = Corpus.File("pairs", "proj_target_02.lo.xls");
    static readonly string WordFile = Corpus.File("doc-wild", "innertable.doc");

    static byte[] Stream(string file, string name) => new CompoundFile(File.ReadAllBytes(file)).ReadStream(name)!;

    static ReadResult Read(byte[] bytes, string name) => DocumentReader.Read(new MemoryStream(bytes), name);

    /// <summary>Each table as rows of "text[rN][cN]" cells, whitespace collapsed.</summary>
    internal static List<string> Shape(SourceDocument doc) =>
        doc.Tables.SelectMany(t => t.Rows).Select(r => string.Join(" | ", r.Cells.Select(c =>
            Regex.Replace(c.Text, @"\s+", " ").Trim() + (c.RowSpan > 1 ? $"[r{c.RowSpan}]" : "") + (c.ColSpan > 1 ? $"[c{c.ColSpan}]" : "")))).ToList();

    [Fact]
    public void A_workbook_carrying_a_Word_attachment_is_read_as_the_workbook()
    {
        // WPS and Excel keep an embedded object in a storage named MBD…; its WordDocument is not the file's.
        var cfb = new CfbWriter();
        cfb.Root.Children.Add(CfbWriter.Storage("MBD0012A3F4",
            CfbWriter.Stream("WordDocument", Stream(WordFile, "WordDocument")),
            CfbWriter.Stream("1Table", Stream(WordFile, "1Table"))));
        cfb.Root.Children.Add(CfbWriter.Stream("Workbook", Stream(Workbook, "Workbook")));
        var bytes = cfb.Build();

        Assert.Equal("xls", FormatSniffer.Sniff(new MemoryStream(bytes), ".xls"));
        var read = Read(bytes, "带附件.xls");
        Assert.True(read.Ok, read.Error?.ToString());
        var original = Read(File.ReadAllBytes(Workbook), "original.xls").Document!;
        Assert.Equal(Shape(original), Shape(read.Document!));
        Assert.Contains(read.Document!.Tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells), c => c.Text == "三级指标");
    }

    [Fact]
    public void A_Microsoft_Works_document_is_refused_in_one_line_naming_it()
    {
        var cfb = new CfbWriter();
        foreach (var name in new[] { "CONTENTS", "MatOST", "SPELLING", "\u0001CompObj" })
            cfb.Root.Children.Add(CfbWriter.Stream(name, new byte[600]));
        var read = Read(cfb.Build(), "报告.wps");
        Assert.False(read.Ok);
        Assert.Equal("works", read.Error!.FormatGuess);
        Assert.StartsWith("Microsoft Works document: not supported", read.Error.Reason);
        Assert.DoesNotContain('\n', read.Error.Reason);
    }

    [Theory]
    [InlineData("protected.xlsx", "encrypted Excel workbook (EncryptedPackage): password needed")]
    [InlineData("protected.docx", "encrypted Word document (EncryptedPackage): password needed")]
    public void An_encrypted_package_says_what_it_is_and_that_a_password_is_needed(string name, string reason)
    {
        var cfb = new CfbWriter();
        cfb.Root.Children.Add(CfbWriter.Stream("EncryptionInfo", new byte[200]));
        cfb.Root.Children.Add(CfbWriter.Stream("EncryptedPackage", new byte[5000]));
        var read = Read(cfb.Build(), name);
        Assert.Equal(reason, read.Error!.Reason);
    }

    [Fact]
    public void A_truncated_doc_is_named_a_truncated_Word_document_not_a_damaged_workbook()
    {
        var bytes = File.ReadAllBytes(WordFile);
        foreach (var keep in new[] { 1500, bytes.Length / 2, bytes.Length - 700 })
        {
            var read = Read(bytes[..keep], "cut.doc");
            Assert.False(read.Ok, $"{keep} bytes read as a document");
            Assert.StartsWith("truncated Word document", read.Error!.Reason);
        }
    }

    [Fact]
    public void A_truncated_xls_is_named_a_truncated_Excel_workbook()
    {
        var bytes = File.ReadAllBytes(Workbook);
        var read = Read(bytes[..(bytes.Length / 2)], "cut.xls");
        Assert.False(read.Ok);
        Assert.StartsWith("truncated Excel workbook", read.Error!.Reason);
    }

    [Theory]
    [InlineData("表.et", "xls")]
    [InlineData("模板.ett", "xls")]
    public void Kingsoft_spreadsheets_and_templates_are_read_by_content(string name, string format)
    {
        var read = DocumentReader.Read(new MemoryStream(File.ReadAllBytes(Workbook)), name);
        Assert.True(read.Ok, read.Error?.ToString());
        Assert.Equal(format, read.Format);
        Assert.Equal(Shape(Read(File.ReadAllBytes(Workbook), "a.xls").Document!), Shape(read.Document!));
    }

    [Theory]
    [InlineData("模板.wpt", "wps")]
    [InlineData("模板.dot", "doc")]
    public void Word_and_WPS_templates_are_read_by_content(string name, string format)
    {
        var read = DocumentReader.Read(new MemoryStream(File.ReadAllBytes(WordFile)), name);
        Assert.True(read.Ok, read.Error?.ToString());
        Assert.Equal(format, read.Format);
        Assert.NotEmpty(read.Document!.Tables);
    }

    [Fact]
    public void The_BIFF_pass_reads_merges_of_the_real_workbook()
    {
        var merges = Jixiao.Ingest.Sheet.BiffMergedCells.Read(Stream(Workbook, "Workbook"));
        Assert.Contains(merges.Values, list => list.Count >= 5);
    }

    internal static ushort RecordType(byte[] s, int pos) => BinaryPrimitives.ReadUInt16LittleEndian(s.AsSpan(pos));
}
