namespace Jixiao.Ingest.Docx;

/// <summary>
/// How deep document.xml may nest. The readers descend recursively, so a document.xml nested thousands of
/// levels deep would overflow the stack — which no catch can stop and which would end the whole import. Real
/// documents stay far below this depth (ten nested tables are under a hundred levels); <see cref="WordXml.Enter"/>
/// refuses to step deeper.
/// </summary>
internal static class NestingLimit
{
    public const int MaxDepth = 500;
}
