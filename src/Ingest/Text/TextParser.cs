namespace Jixiao.Ingest.Text;

/// <summary>
/// Reads the flattened-text export of Word files (spec/extraction.md, "The flattened text format"):
/// paragraphs are lines, table rows are groups of TAB-led cell lines separated by blank lines.
/// Stages: <see cref="TextLineLexer"/> (lines → tokens) → <see cref="TextTableBuilder"/> (tokens → rows)
/// → <see cref="SplitRowRepair"/> (rows whose label cell was split off).
/// </summary>
internal sealed class TextParser : IDocumentParser
{
    public string Format => "text";

    public SourceDocument Parse(Stream stream, string fileName, CancellationToken cancel)
    {
        var decoded = TextDecoding.ReadDetected(stream);
        var text = decoded.Text;
        var doc = new SourceDocument(fileName, Format) { TextEncoding = decoded.Encoding, EncodingConfidence = decoded.Confidence, EncodingDoubt = decoded.Doubt };
        if (decoded.Doubt is not null) doc.Warnings.Add(decoded.Doubt);
        var tokens = TextLineLexer.Lex(text);
        new TextTableBuilder(doc, cancel).Build(tokens);
        foreach (var table in doc.Tables) SplitRowRepair.Apply(table);
        return doc;
    }
}
