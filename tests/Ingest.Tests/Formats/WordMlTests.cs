using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using Jixiao.Ingest.Docx;
using Jixiao.Tests;

namespace Jixiao.Ingest.Tests.Formats;

/// <summary>
/// Word 2003 XML (WordprocessingML 2003): the same body as a .docx, in the 2003 namespace, with w:vmerge for
/// vertical merges, under &lt;w:wordDocument&gt; and wx:sect. Built from the real synthetic .docx forms by
/// that mapping, so the tables must equal the .docx reader's; saved with the .doc and .xml names Word gives it.
/// </summary>
public class WordMlTests
{
    const string W2006 = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    const string W2003 = "http://schemas.microsoft.com/office/word/2003/wordml";
    const string Wx = "http://schemas.microsoft.com/office/word/2003/auxHint";

    static byte[] AsWordMl(string docx)
    {
        using var zip = ZipFile.OpenRead(docx);
        using var s = zip.GetEntry("word/document.xml")!.Open();
        var body = XDocument.Load(s).Root!.Element(XName.Get("body", W2006))!;
        XElement Map(XElement e)
        {
            var name = e.Name.Namespace == W2006
                ? XName.Get(e.Name.LocalName == "vMerge" ? "vmerge" : e.Name.LocalName, W2003)
                : e.Name;
            return new XElement(name,
                e.Attributes().Select(a => a.IsNamespaceDeclaration ? null : new XAttribute(a.Name.Namespace == W2006 ? XName.Get(a.Name.LocalName, W2003) : a.Name, a.Value)),
                e.Nodes().Select(n => n is XElement c ? (object)Map(c) : n));
        }
        var sect = new XElement(XName.Get("sect", Wx), body.Elements().Select(Map));
        var root = new XElement(XName.Get("wordDocument", W2003),
            new XAttribute(XNamespace.Xmlns + "w", W2003), new XAttribute(XNamespace.Xmlns + "wx", Wx),
            new XElement(XName.Get("body", W2003), sect));
        var doc = new XDocument(new XDeclaration("1.0", "UTF-8", "yes"),
            new XProcessingInstruction("mso-application", "progid=\"Word.Document\""), root);
        var ms = new MemoryStream();
        using (var w = new StreamWriter(ms, new UTF8Encoding(false), leaveOpen: true)) doc.Save(w);
        return ms.ToArray();
    }

    [Theory]
    [InlineData("proj_self_01.docx", "自评表.doc")]
    [InlineData("dept_target_02.docx", "目标表.xml")]
    public void Tables_equal_the_docx_readers_and_no_tag_leaks(string docx, string savedAs)
    {
        var bytes = AsWordMl(Corpus.File("synthetic", docx));
        Assert.Equal("wordml", FormatSniffer.Sniff(new MemoryStream(bytes), Path.GetExtension(savedAs)));
        var read = DocumentReader.Read(new MemoryStream(bytes), savedAs);
        Assert.True(read.Ok, read.Error?.ToString());
        using var original = File.OpenRead(Corpus.File("synthetic", docx));
        var expected = new DocxParser().Parse(original, docx, CancellationToken.None);
        Assert.NotEmpty(expected.Tables);
        Assert.Equal(expected.Tables.Count(), read.Document!.Tables.Count());
        Assert.Equal(OfficeContainerTests.Shape(expected), OfficeContainerTests.Shape(read.Document!));
        Assert.Contains(read.Document!.Tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells), c => c.RowSpan > 1);
        Assert.DoesNotContain(read.Document!.Blocks.OfType<Paragraph>(), p => p.Text.Contains("<w:"));
    }

    [Fact]
    public void A_damaged_Word_2003_XML_file_is_one_clear_line()
    {
        var bytes = Encoding.UTF8.GetBytes($"<?xml version=\"1.0\"?><w:wordDocument xmlns:w=\"{W2003}\"><w:body><w:p>");
        var read = DocumentReader.Read(new MemoryStream(bytes), "cut.doc");
        Assert.False(read.Ok);
        Assert.StartsWith("damaged Word 2003 XML document", read.Error!.Reason);
    }
}
