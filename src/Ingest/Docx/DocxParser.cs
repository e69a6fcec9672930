using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace Jixiao.Ingest.Docx;

/// <summary>
/// Word 2007+ (.docx, WordprocessingML): the main document part's body, paragraphs and tables in
/// order. Headers, footers, footnotes and comments are not read (forms live in the body).
/// </summary>
internal sealed class DocxParser : IDocumentParser
{
    public string Format => "docx";

    public SourceDocument Parse(Stream stream, string fileName, CancellationToken cancel)
    {
        using var package = Open(stream);
        var body = package.MainDocumentPart?.Document?.Body
                   ?? throw new UnreadableDocumentException("docx has no main document body");
        var doc = new SourceDocument(fileName, Format);
        WordContentWalker.Walk(body, new BodySink(doc, package.MainDocumentPart!, cancel), cancel);
        return doc;
    }

    static WordprocessingDocument Open(Stream stream)
    {
        try
        {
            // Keep mc:AlternateContent as written: the walkers pick one branch themselves.
            return WordprocessingDocument.Open(stream, false, new OpenSettings { AutoSave = false });
        }
        catch (OpenXmlPackageException e)
        {
            throw new UnreadableDocumentException("damaged docx package: " + e.Message, e);
        }
        catch (InvalidDataException e)
        {
            throw new UnreadableDocumentException("damaged docx zip container: " + e.Message, e);
        }
    }

    /// <summary>Top-level content becomes blocks; blank paragraphs are layout, not content.</summary>
    sealed class BodySink(SourceDocument doc, MainDocumentPart main, CancellationToken cancel) : IContentSink
    {
        int _line;

        public void Paragraph(string text)
        {
            _line++;
            if (string.IsNullOrWhiteSpace(text)) return;
            doc.Blocks.Add(new Paragraph(text) { Position = new SourcePosition(1, _line) });
        }

        public void Table(OpenXmlElement tbl)
        {
            _line++;
            foreach (var t in DocxTableReader.Read(tbl, 1, cancel))
            {
                t.Position = new SourcePosition(1, _line);
                doc.Blocks.Add(t);
            }
        }

        public void AltChunk(OpenXmlElement altChunk)
        {
            _line++;
            doc.Blocks.AddRange(AltChunkReader.Read(main, altChunk, doc, cancel));
        }
    }
}
