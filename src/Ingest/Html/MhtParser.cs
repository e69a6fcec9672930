using MimeKit;

namespace Jixiao.Ingest.Html;

/// <summary>
/// MHTML (.mht/.mhtml, Word's "Single File Web Page"): a MIME multipart/related message whose
/// text/html part is the page (Excel's has one per sheet). MimeKit undoes the transfer encoding (quoted-printable, base64); the
/// part's charset (or else the page's meta) decodes the text, and the HTML reader does the rest.
/// </summary>
internal sealed class MhtParser : IDocumentParser
{
    public string Format => "mht";

    public SourceDocument Parse(Stream stream, string fileName, CancellationToken cancel)
    {
        MimeMessage message;
        try
        {
            message = MimeMessage.Load(stream, cancel);
        }
        catch (FormatException e)
        {
            throw new UnreadableDocumentException("damaged MHT (MIME) container: " + e.Message, e);
        }
        var pages = message.BodyParts.OfType<MimePart>().Where(p => p.ContentType.IsMimeType("text", "html")).ToList();
        if (pages.Count == 0) throw new UnreadableDocumentException("MHT holds no text/html part");
        // Word saves one page; Excel saves a frameset plus one page per sheet: read every page in order.
        var doc = new SourceDocument(fileName, Format);
        foreach (var page in pages)
        {
            cancel.ThrowIfCancellationRequested();
            using var decoded = new MemoryStream();
            page.Content?.DecodeTo(decoded, cancel);
            var html = HtmlDecoding.Decode(decoded.ToArray(), page.ContentType.Charset);
            var read = HtmlParser.ParseText(html, fileName, Format, markdown: false, cancel);
            doc.Blocks.AddRange(read.Blocks);
            doc.Warnings.AddRange(read.Warnings);
        }
        return doc;
    }
}
