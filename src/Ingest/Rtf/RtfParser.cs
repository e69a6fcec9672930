namespace Jixiao.Ingest.Rtf;

/// <summary>Rich Text Format (also the ".doc" files that are RTF inside): body text and tables.</summary>
internal sealed class RtfParser : IDocumentParser
{
    const long MaxBytes = 256L * 1024 * 1024;

    public string Format => "rtf";

    public SourceDocument Parse(Stream stream, string fileName, CancellationToken cancel)
    {
        if (stream.CanSeek && stream.Length - stream.Position > MaxBytes)
            throw new UnreadableDocumentException($"RTF file is over {MaxBytes / (1024 * 1024)} MB");
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        var doc = new SourceDocument(fileName, Format);
        RtfReader.Read(ms.ToArray(), doc, cancel);
        return doc;
    }
}
