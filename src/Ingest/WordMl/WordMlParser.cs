using System.Xml;
using System.Xml.Linq;

namespace Jixiao.Ingest.WordMl;

/// <summary>
/// Word 2003 XML ("WordprocessingML 2003", one XML file with a &lt;w:wordDocument&gt; root, saved by Word
/// 2003–2016 and WPS as .xml or .doc): paragraphs and tables in body order. Its table markup is the
/// .docx one in another namespace, except that vertical merges are spelled w:vmerge (lower case).
/// </summary>
internal sealed class WordMlParser : IDocumentParser
{
    internal const string Namespace = "http://schemas.microsoft.com/office/word/2003/wordml";
    internal static readonly XNamespace W = Namespace;

    public string Format => "wordml";

    /// <summary>A head (first KB of the file, BOM and blanks trimmed) that opens a Word 2003 XML document.</summary>
    public static bool LooksLikeWordMl(string head)
    {
        if (!head.StartsWith('<')) return false;
        var h = head.Length > 4096 ? head[..4096] : head;
        return h.Contains("<w:wordDocument", StringComparison.Ordinal)
               || h.Contains("progid=\"Word.Document\"", StringComparison.OrdinalIgnoreCase) && h.Contains(Namespace, StringComparison.Ordinal);
    }

    public SourceDocument Parse(Stream stream, string fileName, CancellationToken cancel)
    {
        XDocument xml;
        try
        {
            using var reader = XmlReader.Create(stream, new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = false,
            });
            xml = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new UnreadableDocumentException($"damaged Word 2003 XML document: {e.Message}", e);
        }
        var root = xml.Root;
        if (root is null || root.Name != W + "wordDocument")
            throw new UnreadableDocumentException("not a Word 2003 XML document (no w:wordDocument root in the 2003 wordml namespace)");
        var doc = new SourceDocument(fileName, Format);
        var body = root.Element(W + "body");
        if (body is null) return doc;
        var walker = new BlockWalker(doc, cancel);
        walker.Walk(body);
        return doc;
    }

    /// <summary>Walks block-level content: paragraphs, tables, and the containers (wx:sect, wx:sub-section, w:sdt, custom XML) that hold them.</summary>
    sealed class BlockWalker(SourceDocument doc, CancellationToken cancel)
    {
        int _line;

        public void Walk(XElement container)
        {
            foreach (var e in container.Elements())
            {
                cancel.ThrowIfCancellationRequested();
                if (e.Name == W + "p")
                {
                    _line++;
                    var text = WordMlText.Paragraph(e);
                    if (text.Length > 0) doc.Blocks.Add(new Paragraph(text) { Position = new SourcePosition(1, _line) });
                }
                else if (e.Name == W + "tbl")
                {
                    foreach (var table in WordMlTable.Read(e, 1, cancel))
                    {
                        table.Position = new SourcePosition(1, ++_line);
                        doc.Blocks.Add(table);
                    }
                }
                else if (e.Name.LocalName is not ("sectPr" or "pPr" or "rPr" or "docPr" or "fonts" or "styles" or "lists"))
                    Walk(e);
            }
        }
    }
}
