namespace Jixiao.Ingest.Text;

/// <summary>Placeholder until the flattened-text parser lands.</summary>
internal sealed class TextParser : IDocumentParser
{
    public string Format => "text";
    public SourceDocument Parse(Stream stream, string fileName, CancellationToken cancel) => new(fileName, Format);
}
