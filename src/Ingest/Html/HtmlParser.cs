using AngleSharp.Html.Parser;

namespace Jixiao.Ingest.Html;

/// <summary>
/// HTML pages (and Word's "Web Page" exports, and Markdown files that embed HTML tables): decoded
/// with <see cref="HtmlDecoding"/>, parsed by AngleSharp into a DOM, walked into paragraphs and tables.
/// </summary>
internal sealed class HtmlParser : IDocumentParser
{
    /// <summary>Largest page read; HTML this big is a data dump, not a form.</summary>
    const long MaxBytes = 256L * 1024 * 1024;

    public string Format => "html";

    public SourceDocument Parse(Stream stream, string fileName, CancellationToken cancel)
    {
        var bytes = ReadAll(stream);
        var markdown = Path.GetExtension(fileName).ToLowerInvariant() is ".md" or ".markdown";
        return ParseText(HtmlDecoding.Decode(bytes), fileName, Format, markdown, cancel);
    }

    /// <summary>Reads already-decoded HTML; <paramref name="format"/> names the container (html, mht).</summary>
    internal static SourceDocument ParseText(string html, string fileName, string format, bool markdown, CancellationToken cancel)
    {
        var parser = new AngleSharp.Html.Parser.HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        var dom = parser.ParseDocument(html);
        cancel.ThrowIfCancellationRequested();
        var doc = new SourceDocument(fileName, format);
        if (dom.Body is { } body) new HtmlBlockWalker(doc, markdown, cancel).Walk(body);
        return doc;
    }

    internal static byte[] ReadAll(Stream stream)
    {
        if (stream.CanSeek && stream.Length - stream.Position > MaxBytes)
            throw new UnreadableDocumentException($"page is over {MaxBytes / (1024 * 1024)} MB");
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        return ms.ToArray();
    }
}
