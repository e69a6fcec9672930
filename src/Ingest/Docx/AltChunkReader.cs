using DocumentFormat.OpenXml.Packaging;
using Jixiao.Ingest.Html;

namespace Jixiao.Ingest.Docx;

/// <summary>
/// w:altChunk points at a part holding a whole other document that Word converts when it opens the
/// file. Web systems that "export to Word" often produce exactly this: a docx wrapping an HTML page.
/// The part is read by the reader of its own format and its blocks take the altChunk's place.
/// </summary>
internal static class AltChunkReader
{
    /// <summary>altChunks inside altChunk documents: enough for real files, bounded for hostile ones.</summary>
    const int MaxNesting = 3;

    [ThreadStatic] static int _nesting;

    /// <param name="id">The altChunk's r:id: the relationship naming its part.</param>
    public static IReadOnlyList<Block> Read(MainDocumentPart main, string? id, SourceDocument into, CancellationToken cancel)
    {
        if (id is null || _nesting >= MaxNesting) return Array.Empty<Block>();
        if (!main.TryGetPartById(id, out var part))
        {
            into.Warnings.Add($"altChunk {id}: part missing");
            return Array.Empty<Block>();
        }
        using var ms = new MemoryStream();
        using (var s = part.GetStream(FileMode.Open, FileAccess.Read)) s.CopyTo(ms);
        ms.Position = 0;
        var type = part.ContentType.ToLowerInvariant();
        _nesting++;
        try
        {
            SourceDocument? inner =
                type.Contains("html") ? HtmlParser.ParseText(HtmlDecoding.Decode(ms.ToArray()), into.File, into.Format, markdown: false, cancel)
                : type.Contains("rfc822") || type.Contains("multipart") ? new MhtParser().Parse(ms, into.File, cancel)
                : type.Contains("wordprocessingml") ? new DocxParser().Parse(ms, into.File, cancel)
                : type.StartsWith("text/plain") ? PlainText(ms.ToArray(), into)
                : null;
            if (inner is null)
            {
                into.Warnings.Add($"altChunk {id}: {part.ContentType} not read");
                return Array.Empty<Block>();
            }
            into.Warnings.AddRange(inner.Warnings);
            return inner.Blocks;
        }
        finally
        {
            _nesting--;
        }
    }

    static SourceDocument PlainText(byte[] data, SourceDocument into)
    {
        var doc = new SourceDocument(into.File, into.Format);
        foreach (var line in TextDecoding.Decode(data).Split('\n'))
            if (!string.IsNullOrWhiteSpace(line)) doc.Blocks.Add(new Paragraph(line.TrimEnd('\r')));
        return doc;
    }
}
