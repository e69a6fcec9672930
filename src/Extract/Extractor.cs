using Jixiao.Ingest;

namespace Jixiao.Extract;

/// <summary>
/// The Extract stage's entry point: a <see cref="SourceDocument"/> in, the canonical forms out.
/// Knows 绩效表, nothing about file formats.
/// </summary>
public static class Extractor
{
    public static ExtractedDocument Extract(SourceDocument source)
    {
        var doc = new ExtractedDocument { File = source.File, Format = source.Format };
        return doc;
    }
}
