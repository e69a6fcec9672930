using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace Jixiao.Ingest.Docx;

/// <summary>
/// Word 2007+ (.docx, WordprocessingML): the main document part's body, paragraphs and tables in
/// order. Headers, footers, footnotes and comments are not read (forms live in the body).
/// The part is read forward once with an <see cref="XmlReader"/> (no document tree): the package is opened
/// only to find the part and the altChunks it points at.
/// </summary>
internal sealed class DocxParser : IDocumentParser
{
    public string Format => "docx";

    public SourceDocument Parse(Stream stream, string fileName, CancellationToken cancel)
    {
        long start = stream.Position;
        if (!IsReadableZip(stream)) return Salvage(stream, fileName, cancel);
        RefuseZipBomb(stream);
        UnreadableDocumentException damaged;
        try
        {
            return ReadPackage(stream, fileName, cancel);
        }
        catch (UnreadableDocumentException e) when (e.InnerException is not null and not InsufficientExecutionStackException && stream.CanSeek)
        {
            damaged = e;
        }
        // The package opened but a part is damaged: document.xml may still inflate up to the damage.
        stream.Position = start;
        try
        {
            return Salvage(stream, fileName, cancel);
        }
        catch (UnreadableDocumentException)
        {
            throw damaged;
        }
    }

    SourceDocument ReadPackage(Stream stream, string fileName, CancellationToken cancel)
    {
        using var package = Open(stream);
        try
        {
            var main = package.MainDocumentPart ?? throw new UnreadableDocumentException("docx has no main document body");
            var doc = new SourceDocument(fileName, Format);
            using var xml = XmlReader.Create(main.GetStream(FileMode.Open, FileAccess.Read), WordXml.Settings);
            ReadBody(xml, new BodySink(doc, main, cancel), cancel);
            return doc;
        }
        // Parts load lazily: a damaged document.xml or zip entry only shows up here.
        catch (Exception e) when (e is XmlException or InvalidDataException or FormatException or OpenXmlPackageException
                                      or InvalidOperationException)
        {
            throw new UnreadableDocumentException("damaged docx: " + e.Message, e);
        }
        catch (InsufficientExecutionStackException e)
        {
            throw new UnreadableDocumentException("docx elements nested too deeply to read (damaged or hostile file)", e);
        }
    }

    /// <summary>w:document's w:body, walked; a document.xml without one is unreadable.</summary>
    static void ReadBody(XmlReader xml, BodySink sink, CancellationToken cancel)
    {
        if (xml.MoveToContent() != XmlNodeType.Element || xml.LocalName != "document")
            throw new UnreadableDocumentException("docx has no main document body");
        int depth = WordXml.Enter(xml);
        while (WordXml.NextChild(xml, depth))
        {
            if (xml.LocalName != "body")
            {
                xml.Skip();
                continue;
            }
            WordContentWalker.Walk(xml, sink, cancel);
            return;
        }
        throw new UnreadableDocumentException("docx has no main document body");
    }

    /// <summary>Largest inflated part read: real document.xml files stay far below; a zip bomb (GBs of zeros in
    /// a small file) would otherwise be inflated into memory by the Open Xml SDK.</summary>
    const long MaxPartBytes = 256L * 1024 * 1024;

    static void RefuseZipBomb(Stream stream)
    {
        long at = stream.Position;
        try
        {
            using var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
            foreach (var e in zip.Entries)
                if (e.Length > MaxPartBytes)
                    throw new UnreadableDocumentException(
                        $"docx part {e.FullName} inflates to {e.Length / (1024 * 1024)} MB, over the {MaxPartBytes / (1024 * 1024)} MB limit (zip bomb or damaged)");
        }
        finally
        {
            stream.Position = at;
        }
    }

    static bool IsReadableZip(Stream stream)
    {
        long at = stream.Position;
        try
        {
            using var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
            return zip.Entries.Count > 0;
        }
        catch (InvalidDataException)
        {
            return false;
        }
        finally
        {
            stream.Position = at;
        }
    }

    /// <summary>A zip without its central directory (cut-off download): read what document.xml still holds.</summary>
    SourceDocument Salvage(Stream stream, string fileName, CancellationToken cancel)
    {
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        const string nothing = "damaged docx (truncated or corrupt zip), no readable document text";
        var text = DocxSalvage.ReadDocumentXml(ms.ToArray(), out var truncated) ?? throw new UnreadableDocumentException(nothing);
        var doc = new SourceDocument(fileName, Format);
        doc.Warnings.Add(truncated
            ? "damaged docx: read up to the last complete paragraph or table row before the damage"
            : "damaged docx: document text recovered from its local zip entry");
        try
        {
            using var xml = XmlReader.Create(new StringReader(text), WordXml.Settings);
            ReadBody(xml, new BodySink(doc, null, cancel), cancel);
        }
        catch (XmlException e)
        {
            throw new UnreadableDocumentException(nothing, e);
        }
        catch (InsufficientExecutionStackException e)
        {
            throw new UnreadableDocumentException("docx elements nested too deeply to read (damaged or hostile file)", e);
        }
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
        catch (Exception e) when (e is InvalidDataException or FormatException or XmlException)
        {
            throw new UnreadableDocumentException("damaged docx container: " + e.Message, e);
        }
    }

    /// <summary>Top-level content becomes blocks; blank paragraphs are layout, not content.</summary>
    sealed class BodySink(SourceDocument doc, MainDocumentPart? main, CancellationToken cancel) : IContentSink
    {
        int _line;

        public void Paragraph(string text)
        {
            _line++;
            if (string.IsNullOrWhiteSpace(text)) return;
            doc.Blocks.Add(new Paragraph(text) { Position = new SourcePosition(1, _line) });
        }

        public void Table(XmlReader tbl)
        {
            _line++;
            foreach (var t in DocxTableReader.Read(tbl, 1, cancel))
            {
                t.Position = new SourcePosition(1, _line);
                doc.Blocks.Add(t);
            }
        }

        public void AltChunk(string? id)
        {
            _line++;
            if (main is not null) doc.Blocks.AddRange(AltChunkReader.Read(main, id, doc, cancel));
        }
    }
}
