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
        // The async parse checks the token between tokens: pathological nesting makes the tree builder
        // quadratic, and the per-file time limit must still stop it.
        var dom = parser.ParseDocumentAsync(html, cancel).GetAwaiter().GetResult();
        var doc = new SourceDocument(fileName, format);
        try
        {
            if (dom.Body is { } body) new HtmlBlockWalker(doc, markdown, cancel).Walk(body);
        }
        catch (InsufficientExecutionStackException e)
        {
            throw new UnreadableDocumentException("elements nested too deeply to read (damaged or hostile page)", e);
        }
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
