using MimeKit;

namespace Jixiao.Ingest.Html;

/// <summary>
/// MHTML (.mht/.mhtml, Word's "Single File Web Page"): a MIME multipart/related message whose
/// text/html part is the page. MimeKit undoes the transfer encoding (quoted-printable, base64); the
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
        var part = message.BodyParts.OfType<MimePart>().FirstOrDefault(p => p.ContentType.IsMimeType("text", "html"))
                   ?? throw new UnreadableDocumentException("MHT holds no text/html part");
        using var decoded = new MemoryStream();
        part.Content?.DecodeTo(decoded, cancel);
        var html = HtmlDecoding.Decode(decoded.ToArray(), part.ContentType.Charset);
        return HtmlParser.ParseText(html, fileName, Format, markdown: false, cancel);
    }
}
